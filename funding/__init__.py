"""Funding programmes: the page type, deadline states, the finder's facets and its page parts."""
