"""An MCP server Setlist did not write: the Python SDK's own, over Streamable HTTP with
sessions, answering every POST with JSON rather than SSE. Usage: python json_server.py PORT"""

import sys

from mcp.server.mcpserver import MCPServer

server = MCPServer("python-json-peer")


@server.tool()
def echo(text: str) -> str:
    """Says the text back."""
    return text


if __name__ == "__main__":
    server.run("streamable-http", host="127.0.0.1", port=int(sys.argv[1]), json_response=True)
