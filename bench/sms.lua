-- wrk script: POST /api/v1/sims/{iccid}/sms to a random SIM of the list in BENCH_ICCIDS, a new Idempotency-Key each
-- time (BENCH_RUN, the thread and a counter), one GSM 7-bit part.
local iccids = {}
for line in io.lines(os.getenv("BENCH_ICCIDS")) do
  iccids[#iccids + 1] = line
end
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }
local run = os.getenv("BENCH_RUN")
local threads = 0
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

request = function()
  counter = counter + 1
  headers["Idempotency-Key"] = run .. "-" .. thread_id .. "-" .. counter
  local iccid = iccids[math.random(1, #iccids)]
  return wrk.format("POST", "/api/v1/sims/" .. iccid .. "/sms", headers,
    '{"text": "bench ' .. run .. ' ' .. thread_id .. ' ' .. counter .. '"}')
end
