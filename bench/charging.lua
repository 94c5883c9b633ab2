-- wrk script: online charging updates of the sessions listed in BENCH_SESSIONS (lines "ref imsi"), dealt out to the
-- BENCH_THREADS threads; each thread updates its own sessions in turn, each with its next invocationSequenceNumber,
-- reporting 1,000 bytes used and asking for 1,000 more. Prints p50, p95 and p99 and the answers other than 2xx.
local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS")) do
  local ref, imsi = line:match("(%S+) (%S+)")
  sessions[#sessions + 1] = { ref = ref, imsi = imsi, seq = 1 }
end
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }
local threads = 0
local mine = {}
local turn = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  local count = tonumber(os.getenv("BENCH_THREADS"))
  for i = thread_id, #sessions, count do
    mine[#mine + 1] = sessions[i]
  end
end

request = function()
  turn = turn % #mine + 1
  local session = mine[turn]
  session.seq = session.seq + 1
  return wrk.format("POST", "/nchf-convergedcharging/v3/chargingdata/" .. session.ref .. "/update", headers,
    '{"invocationSequenceNumber":' .. session.seq .. ',"invocationTimeStamp":"2026-12-04T00:00:00Z",'
    .. '"nfConsumerIdentification":{"nodeFunctionality":"SMF"},"subscriberIdentifier":"imsi-' .. session.imsi .. '",'
    .. '"pDUSessionChargingInformation":{"pduSessionInformation":{"pduSessionID":5,"dnnId":"iot.bench"}},'
    .. '"multipleUnitUsage":[{"ratingGroup":300,"requestedUnit":{"totalVolume":1000},'
    .. '"usedUnitContainer":[{"localSequenceNumber":1,"totalVolume":1000}]}]}')
end

done = function(summary, latency, requests)
  io.write(string.format("updates/s=%.0f non_2xx=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests / (summary.duration / 1e6), summary.errors.status, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
