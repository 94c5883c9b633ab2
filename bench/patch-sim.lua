-- wrk script: PATCH the name of a random SIM of the list in BENCH_ICCIDS (a mutating, audited, rate-limited call).
local iccids = {}
for line in io.lines(os.getenv("BENCH_ICCIDS")) do
  iccids[#iccids + 1] = line
end
-- A verified token (BENCH_TOKEN), or in the bench build only, the caller given as plain headers (BENCH_TENANT).
-- If-Match: * writes whatever the current version is (the API requires If-Match on every write to a versioned resource).
local headers = { ["Content-Type"] = "application/json", ["If-Match"] = "*" }
if os.getenv("BENCH_TENANT") then
  headers["X-Bench-Tenant"] = os.getenv("BENCH_TENANT")
  headers["X-Bench-Subject"] = "bench"
  headers["X-Bench-Roles"] = "tenant-admin"
else
  headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
end
local counter = 0

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

request = function()
  counter = counter + 1
  local iccid = iccids[math.random(1, #iccids)]
  return wrk.format("PATCH", "/api/v1/sims/" .. iccid, headers, '{"name": "bench ' .. counter .. '"}')
end

-- BENCH_DELAY_MS paces each connection (a pause before every request), to compare latencies at the same moderate
-- load instead of at each variant's own saturation.
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pause > 0 then
  delay = function()
    return pause
  end
end

response = function(status, headers, body)
  if status ~= 200 then
    error("unexpected status " .. status)
  end
end
