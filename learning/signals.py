from django.dispatch import Signal

# A learner finished every lesson of a module (and passed every quiz): certificates listen.
# Sent after the transaction commits, with `enrolment_id`.
module_completed = Signal()
