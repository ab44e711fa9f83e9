"""Loading and checking: YAML files and district settings read, merged and validated into one catalog."""
