"""Background tasks that survive a broker outage.

A task is written to the outbox table inside the transaction that caused it and handed to
the broker after the commit; only when the broker has taken it is the row deleted. A broker
that is down or silent costs a request one short timeout (then a circuit breaker skips it for
a while), and the beat task `flush_outbox` hands over what is left once the broker is back,
so a reviewer's or translator's e-mail is late, never lost.
"""
