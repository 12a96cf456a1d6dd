"""Logging in through a page's own login form in AppTest."""


def log_in(at, name: str, password: str):
    """Fill the page's login form (the first two text inputs of the main area) and submit it."""
    inputs = at.main.text_input
    inputs[0].input(name)
    inputs[1].input(password)
    at.main.button[0].click()
    return at.run()
