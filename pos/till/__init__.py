"""The counter's session: log-in, the cart being rung up, held carts, its journal, paying."""
