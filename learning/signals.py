from django.dispatch import Signal

# A learner finished every lesson of a module (and passed every quiz): certificates listen.
# Sent after the transaction commits, with `enrolment_id` and `language` (the language the
# learner completed the module in).
module_completed = Signal()
