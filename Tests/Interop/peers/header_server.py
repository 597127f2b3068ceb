"""An MCP server of the Python SDK whose tool marks a parameter with `x-mcp-header`:
a modern client mirrors it into an `Mcp-Param-Region` header, which the server checks
against the body (HeaderMismatch, -32020). Usage: python header_server.py PORT"""

import sys
from typing import Annotated

from pydantic import Field

from mcp.server.mcpserver import MCPServer

server = MCPServer("regions")


@server.tool()
def weather(region: Annotated[str, Field(json_schema_extra={"x-mcp-header": "Region"})], query: str) -> str:
    """Says which query was asked of which region."""
    return f"{query} in {region}"


if __name__ == "__main__":
    server.run("streamable-http", host="127.0.0.1", port=int(sys.argv[1]))
