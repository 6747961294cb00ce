"""The public directory of organisations (/<lang>/organisationen/) and its demo entries."""
