"""The web site: pages (Markdown from Jinja templates), downloads (CSV, JSON) and the district's branding."""
