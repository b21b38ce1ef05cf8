// Stand-in for 'server-only' in unit tests, which run in plain Node.
export {};
