"""A sale from cart to durable record, services: the use cases, written against the ports."""
