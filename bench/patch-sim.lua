-- wrk script: PATCH the name of a random SIM of the list in BENCH_ICCIDS (a mutating, audited, rate-limited call).
local iccids = {}
for line in io.lines(os.getenv("BENCH_ICCIDS")) do
  iccids[#iccids + 1] = line
end
local auth = "Bearer " .. os.getenv("BENCH_TOKEN")
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
  return wrk.format("PATCH", "/api/v1/sims/" .. iccid,
    { ["Authorization"] = auth, ["Content-Type"] = "application/json" },
    '{"name": "bench ' .. counter .. '"}')
end

response = function(status, headers, body)
  if status ~= 200 then
    error("unexpected status " .. status)
  end
end
