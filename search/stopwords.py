"""Words that do not say what a reader looks for: articles, pronouns, prepositions, auxiliary
and modal verbs, question words, fillers and politeness ("wie kann ich eigentlich ...",
"could you please tell me ...").

Written by hand for this site, function words as in the Snowball stop lists plus question,
filler and politeness words. The stopwords-iso package was not taken as it is: its lists hold
words such as "information", "group", "work", "help", "state", "year" (English) or "деньги"
(Russian: money), which are content on a knowledge base for associations. Nothing here may
name a thing, an office or a deadline.
tests/search/test_questions.py checks that no list holds the domain words it names.
"""


def _words(text: str) -> frozenset[str]:
    """Single words only: the parts of a phrase ("có thể", "ne zaman", "будь ласка") are
    not listed on their own where one of them carries meaning (thể, zaman, ласка)."""
    return frozenset(text.split())


STOP_WORDS = {
    "de": _words("""
        der die das den dem des ein eine einen einem einer eines kein keine keinen keinem
        keiner keines und oder aber sondern denn doch ja nein nicht auch noch schon nur
        sehr so wie was wer wen wem wessen wo woher wohin wann warum weshalb wieso
        welche welcher welches welchen welchem womit wofür wozu worauf worüber wovon
        ich du er sie es wir ihr man mein meine meinen meinem meiner meines dein deine
        sein seine seinen seinem seiner ihre ihren ihrem ihrer unser unsere unseren
        unserem unserer euer eure mich mir dich dir ihn ihm uns euch sich
        für fur mit von vom zu zum zur im in ins am an ans auf aus bei beim nach über
        unter vor hinter neben zwischen durch gegen ohne um bis seit während wegen
        ist sind bin bist seid war waren wäre wären sein gewesen wird werden wirst
        wurde wurden worden hat haben habe hast hatte hatten hätte hätten
        kann können kannst könnte könnten muss müssen musst müsste sollte sollten soll
        sollen darf dürfen dürfte will wollen möchte möchten mag gibt geht gehen
        tun tue macht machen mache
        ob dass als wenn weil damit falls obwohl also dann da dort hier
        dies diese dieser dieses diesen diesem jene jener jenes
        etwas alles alle jeder jede jedes viel viele mehr einige irgendwie irgendwo
        eigentlich überhaupt eben halt mal bitte danke gern gerne genau bzw usw etc
        hallo guten liebe lieber frage fragen wissen weiß sagen erklären
        jemand jemanden
        bedeutet bedeuten heisst weiss bedeutung"""),
    "en": _words("""
        the a an and or but nor not no yes also too so very just only even still
        how what who whom whose where when why which whether
        i me my mine myself you your yours we us our ours they them their theirs he him
        his she her hers it its itself one someone somebody anyone anybody something anything
        for with of to in on at by from into onto about over under after before between
        through during without within against up down out off than then there here
        is are am was were be been being do does did doing done have has had having
        can could may might must shall should will would need needs
        get gets got getting go goes going make makes made
        if that this these those as because while although though since until
        some any all each every many much more most other such own same
        actually really basically please thanks thank hello hi dear kindly maybe perhaps
        tell know explain want wants wanted like would lets let
        etc ok okay
        mean means meaning define"""),
    "ru": _words("""
        и а но или либо да нет не ни же ли бы вот уже ещё еще тоже также только даже
        как что кто где когда куда откуда почему зачем какой какая какое какие каким
        каких сколько ли чем чего кого кому
        я мы вы ты он она оно они меня мне мной нас нам нами вас вам вами его ему её ее
        ей их им ими мой моя моё мои наш наша наше наши ваш ваша ваше ваши свой своя
        своё свои себя себе
        в во на с со по для из от до за о об при про у к ко без под над через между
        это этот эта эти этого этой том тот та те то того
        есть быть был была было были будет будут является
        можно нужно надо могу можем может могут хочу хотим хотел хотела должен должны
        чтобы если то так потому ведь вообще собственно пожалуйста спасибо здравствуйте
        скажите подскажите объясните помогите
        такое такой такая такие значит означает"""),
    "uk": _words("""
        і й та а але або чи так ні не ні же ж б би вже ще теж також тільки навіть
        як що хто де коли куди звідки чому навіщо який яка яке які яким яких скільки
        чим чого кого кому
        я ми ви ти він вона воно вони мене мені мною нас нам нами вас вам вами його йому
        її їй їх їм ними мій моя моє мої наш наша наше наші ваш ваша ваше ваші свій своя
        своє свої себе собі
        в у на з із зі по для від до за о об про при без під над через між к
        це цей ця ці цього цієї той та те того
        є бути був була було були буде будуть
        можна треба потрібно можу можемо може можуть хочу хочемо хотів хотіла повинен
        повинні мусимо
        щоб якщо то бо тому взагалі власне будь дякую вітаю скажіть підкажіть
        поясніть допоможіть
        таке такий така такі означає значить"""),
    "tr": _words("""
        ve veya ya da ama fakat ile ki de da mi mı mu mü değil evet hayır hem
        nasıl ne neden niçin niye nerede nereden nereye hangi kim kime kimin
        kaç
        ben sen o biz siz onlar beni bana benim bizi bize bizim sizi size sizin onu ona
        onun onları onlara onların kendi kendimiz
        bir bu şu bunu şunu bunun şunun buna bunlar şunlar
        için gibi kadar göre sonra önce üzere diye
        var yok olan olarak olur olmak oldu miyiz miyim mıyız mıyım musunuz
        nasil nasıl yapabilirim yapabiliriz yapmak yaparız alabiliriz alabilirim
        lütfen teşekkürler merhaba acaba aslında sadece çok daha en her tüm bazı
        icin kac nedir neler gerekiyor gerekir lazım lazim yapmalı
        yapmalıyız yapmamız yapılır
        demek demektir anlamı"""),
    "ar": _words("""
        في من على إلى الى عن مع و أو او ثم لكن بل لا لم لن ما ماذا هل كيف أين اين متى
        لماذا كم أي اي أيّ الذي التي الذين هذا هذه ذلك تلك هؤلاء هنا هناك
        أنا انا نحن أنت انت أنتم انتم هو هي هم لي لنا لك لكم له لها لهم
        كان كانت يكون تكون يمكن يمكنني يمكننا نستطيع أستطيع استطيع أريد اريد نريد
        يجب علينا علي عليّ
        إن ان أن قد كل بعض أيضا ايضا فقط جدا عند عندما إذا اذا لو حتى بين
        فضلك رجاء شكرا مرحبا عليكم فعلا حقا
        شو ايش إيش شنو وش ليش ليه وين فين ازاي إزاي شلون كيفاش
        لازم بدنا بدي بدك بدكم بدهم عايز عايزين عاوز عاوزين نبغى ابغى
        عشان علشان مشان منشان لان لأن هيك كده كدا هاد هادا هاي هدول هذي
        اللي يلي مش مو بس كتير كثير شي شيء ممكن نقدر بنقدر يقدر تقدر
        نعمل بنعمل نسوي منسوي يصير تصير بيصير صار يعني
        معنى تعني"""),
    "fa": _words("""
        در از به با و یا اما ولی که را تا هم نه بر برای بی
        چگونه چطور چه چی چرا کجا کی کدام چند چقدر آیا
        من ما تو شما او آنها ایشان مان تان شان خود خودم خودمان
        این آن اینجا آنجا همین همان این‌ها
        است هست هستند هستیم بود بودند باشد باشیم شد شود شوند می
        توانم توانیم میتوانم میتوانیم می‌توانم می‌توانیم باید خواهم خواهیم
        کنم کنیم کرد کردن میکنیم
        اگر چون زیرا وقتی هر همه بعضی خیلی فقط واقعا لطفا لطفاً ممنون سلام مرسی
        رو یه یک اون اینو اونو چیه چیکار چطوری میشه می‌شه میخوایم می‌خوایم میخواهیم
        می‌خواهیم داریم دارم داره هستش کنه میکنه می‌کنه بکنیم باشه یعنی
        چیست معنی"""),
    "vi": _words("""
        và hoặc nhưng mà thì là của cho với về từ đến tại trong ngoài trên dưới
        như thế nào gì ai đâu khi sao bao nhiêu có không được bị đã đang sẽ
        tôi chúng ta mình bạn anh chị em họ nó ông bà
        này đó kia các những một cái
        để cần phải muốn nên chào ạ nhé vậy"""),
}
