"""Bilateral trade: flows as each side reports them, turnover, growth and targets."""
