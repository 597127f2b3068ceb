"""The Python SDK's own Streamable HTTP server (`mcp` 2.3.0, `MCPServer`): stateless,
JSON answers, one tool, the seed's `current_time`. It serves both protocol eras, as
Setlist's Clock server does. Usage: python sdk_clock.py PORT"""

import sys
from datetime import datetime, timezone

from mcp.server.mcpserver import MCPServer

server = MCPServer("sdk-clock", log_level="WARNING")


@server.tool()
def current_time() -> str:
    """Get the current time in UTC, formatted as 'YYYY-MM-DD HH:MM:SS UTC'."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


if __name__ == "__main__":
    server.run("streamable-http", host="127.0.0.1", port=int(sys.argv[1]), json_response=True, stateless_http=True)
