-- wrk: news-like reads for `npm run bench -- --scenario news`.
-- args: PATHS_FILE RATE(req/s for all threads) THREADS COOKIE
-- PATHS_FILE holds "weight path" lines. Each request picks a path by weight (Zipf over
-- articles, 30 % front and section pages); 5 % carry the newsroom session cookie and bypass
-- the cache. Requests are paced to RATE (open loop, like wrk2) with LuaJIT's clock, and the
-- X-Cache header of every answer is counted.
local ffi = require('ffi')
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *ts);
]]
local clock = ffi.new('bench_timespec')
local function now_ms()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

local paths, cumulative, total = {}, {}, 0
local interval, next_at, cookie
counts = { hit = 0, miss = 0, stale = 0, none = 0, newsroom = 0 }

function init(args)
  for line in io.lines(args[1]) do
    local weight, path = line:match('^(%S+) (%S+)$')
    if path then
      total = total + tonumber(weight)
      table.insert(paths, path)
      table.insert(cumulative, total)
    end
  end
  interval = 1000 / (tonumber(args[2]) / tonumber(args[3]))
  cookie = args[4]
  next_at = now_ms()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

local function pick()
  local target = math.random() * total
  local low, high = 1, #cumulative
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < target then low = middle + 1 else high = middle end
  end
  return paths[low]
end

function delay()
  next_at = next_at + interval
  local wait = next_at - now_ms()
  if wait < 0 then
    -- Behind schedule (the server is slow): send now, but do not burst to catch up.
    if wait < -100 then next_at = now_ms() end
    return 0
  end
  return math.floor(wait)
end

function request()
  if math.random() < 0.05 then
    counts.newsroom = counts.newsroom + 1
    return wrk.format('GET', pick(), { ['Accept-Encoding'] = 'gzip', Cookie = cookie })
  end
  return wrk.format('GET', pick(), { ['Accept-Encoding'] = 'gzip' })
end

function response(status, headers)
  local cache = headers['x-cache'] or headers['X-Cache']
  if cache == 'HIT' then counts.hit = counts.hit + 1
  elseif cache == 'MISS' then counts.miss = counts.miss + 1
  elseif cache == 'STALE' then counts.stale = counts.stale + 1
  else counts.none = counts.none + 1 end
end

function done(summary, latency, requests)
  local sum = { hit = 0, miss = 0, stale = 0, none = 0, newsroom = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get('counts')
    for key, value in pairs(c) do sum[key] = sum[key] + value end
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"seconds":%.3f,"p50":%d,"p99":%d,"p999":%d,"max":%d,"errors":%d,"non2xx":%d,"hit":%d,"miss":%d,"stale":%d,"none":%d,"newsroom":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    latency:percentile(99.9), latency.max,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status,
    sum.hit, sum.miss, sum.stale, sum.none, sum.newsroom))
end
