-- wrk script: GET a random SIM of the list in BENCH_ICCIDS with the bearer token in BENCH_TOKEN.
local iccids = {}
for line in io.lines(os.getenv("BENCH_ICCIDS")) do
  iccids[#iccids + 1] = line
end
local auth = "Bearer " .. os.getenv("BENCH_TOKEN")

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

request = function()
  local iccid = iccids[math.random(1, #iccids)]
  return wrk.format("GET", "/api/v1/sims/" .. iccid, { ["Authorization"] = auth })
end

response = function(status, headers, body)
  if status ~= 200 then
    error("unexpected status " .. status)
  end
end
