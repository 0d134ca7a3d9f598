-- POSTs comments through the API, each request as the next participant
-- (one API token each: posting is limited per account and hour), and
-- keeps the reference of every comment acknowledged with 201.
--
-- Environment: BENCH_TOKENS (a file, one token a line), BENCH_PATH (the
-- comments route), BENCH_THREADS (wrk's -t), BENCH_ACKNOWLEDGED (a file
-- to write the acknowledged references to, one a line).

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- Per thread (each has its own Lua state): its share of the tokens, as
-- ready-made requests, so the hot loop only picks the next one.
local prepared = {}
local next_request = 0
acknowledged = {}
statuses = {}

function init(args)
  local stride = tonumber(os.getenv("BENCH_THREADS"))
  local path = os.getenv("BENCH_PATH")
  local body = '{"body":"A comment from the load benchmark: *emphasis*, '
    .. 'a [link](https://example.org/) and\\n\\n- a list item"}'
  local n = 0
  for token in io.lines(os.getenv("BENCH_TOKENS")) do
    if n % stride == id then
      local headers = {
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json",
      }
      prepared[#prepared + 1] = wrk.format("POST", path, headers, body)
    end
    n = n + 1
  end
end

function request()
  next_request = next_request % #prepared + 1
  return prepared[next_request]
end

function response(status, headers, body)
  if status == 201 then
    acknowledged[#acknowledged + 1] = body:match('"reference"%s*:%s*"([^"]+)"') or "?"
  else
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local out = assert(io.open(os.getenv("BENCH_ACKNOWLEDGED"), "w"))
  local created, refused = 0, {}
  for _, thread in ipairs(threads) do
    for _, reference in ipairs(thread:get("acknowledged")) do
      out:write(reference, "\n")
      created = created + 1
    end
    for status, count in pairs(thread:get("statuses")) do
      refused[status] = (refused[status] or 0) + count
    end
  end
  out:close()
  local non_2xx, list = 0, {}
  for status, count in pairs(refused) do
    if status < 200 or status > 299 then non_2xx = non_2xx + count end
    list[#list + 1] = status .. ":" .. count
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non_2xx=%d socket_errors=%d created=%d other_statuses=%s\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    non_2xx, e.connect + e.read + e.write + e.timeout, created,
    #list > 0 and table.concat(list, ",") or "none"))
end
