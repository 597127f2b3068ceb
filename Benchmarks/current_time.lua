-- wrk: POST the seed's current_time call, with only a Content-Type header.
wrk.method = "POST"
wrk.path = "/mcp/jsonrpc"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": { "name": "current_time" }}'

local bad = 0
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, "UTC", 1, true) then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
