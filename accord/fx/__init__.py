"""Official exchange rates: fetching them from the banks, storing them, converting with them."""
