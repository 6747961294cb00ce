"""Elasticsearch for Wegweiser: analyzers per language, the document mapping and how documents
are built from pages and glossary terms, index management (alias swap), the query compiler."""
