"""A sale from cart to durable record: cart, VAT, tenders, schemes, checkout, returns, voids."""
