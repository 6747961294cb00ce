"""E-mail alerts for funding programmes (issue 16, item 5).

A reader follows one programme, or a search of the guided finder, by e-mail: guests confirm
their address first (double opt-in: the link in the mail opens a page with a button, so a
mail scanner that opens it changes nothing); signed-in learners follow in one click with their
verified address and see and stop their alerts on their profile. Mails: 14 and 3 days before a
programme's deadline, and when a new programme that fits a followed search is published; in the
subscriber's language; once only per (subscription, programme, deadline, kind), which the
sent-log's unique constraint guarantees even when beat runs twice or a worker retries. Every
mail carries a signed one-click unsubscribe link (RFC 8058).

models (subscriptions, sent-log, request counter), links (signed tokens), throttle (how many
confirmation mails), following (follow, confirm, stop), sending (which mails are due), mails
(rendering), views and urls, personal_data (download and deletion), profile (the section on
"Mein Konto").
"""
