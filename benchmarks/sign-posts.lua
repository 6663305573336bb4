-- wrk script of the rollout benchmark: sends each prepared sign post once. The file named first after "--" has a
-- line per person, "cookies<TAB>form body", as the browser would post the training page's sign form; the second
-- argument is the number of threads, which share the lines between them. Once a thread has sent its share, its
-- idle connections ask for the liveness check every 20 ms, never a post twice; the thread stops when every post
-- of its share was answered, or 5 s after the last answer (a post wrk could not write is then missing), and leaves
-- a file named after the posts' with ".done.<thread>" appended; wrk runs for its whole -d unless interrupted (SIGINT
-- makes it report at once).
-- Prints "signed S other O seconds T": S answers that confirm a signature, O any other answer to a post, and T
-- the time from the first post sent to the last answered.
local ffi = require("ffi")
ffi.cdef [[
    typedef struct { long tv_sec; long tv_usec; } charter_timeval;
    int gettimeofday(charter_timeval *tv, void *tz);
]]
local clock = ffi.new("charter_timeval")

local function now()
    ffi.C.gettimeofday(clock, nil)
    return tonumber(clock.tv_sec) + tonumber(clock.tv_usec) / 1e6
end

local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("id", #threads)
end

function init(args)
    local mine, total = wrk.thread:get("id"), tonumber(args[2])
    local host = wrk.host .. ":" .. wrk.port
    marker = args[1] .. ".done." .. mine
    posts = {}
    local n = 0
    for line in io.lines(args[1]) do
        if n % total == mine - 1 then
            local tab = line:find("\t", 1, true)
            posts[#posts + 1] = wrk.format("POST", "/app/sign", {
                ["Host"] = host,
                ["Cookie"] = line:sub(1, tab - 1),
                ["Content-Type"] = "application/x-www-form-urlencoded"
            }, line:sub(tab + 1))
        end
        n = n + 1
    end
    idle = wrk.format("GET", "/health/live", {["Host"] = host})
    live, sent, signed, other, first, last = false, 0, 0, 0, 0, 0
end

-- wrk asks before every request it sends; request() is also called once on its own, before the first thread starts,
-- to check the script, and that call must not use up a post
function delay()
    live = true
    return sent < #posts and 0 or 20
end

function request()
    if live and sent < #posts then
        if sent == 0 then
            first = now()
        end
        sent = sent + 1
        return posts[sent]
    end
    return idle
end

function response(status, headers, body)
    if status == 200 then
        -- the liveness check of an idle connection (a sign post always answers with a redirect or an error)
        if last > 0 and now() - last > 5 then
            finish()
        end
        return
    end
    last = now()
    if status == 303 and (headers["Location"] or ""):find("signed=true", 1, true) then
        signed = signed + 1
    else
        other = other + 1
    end
    if signed + other == #posts then
        finish()
    end
end

-- wrk itself runs for its whole -d: the file it leaves tells the benchmark that this thread is done
function finish()
    io.open(marker, "w"):close()
    wrk.thread:stop()
end

function done(summary, latency, requests)
    local s, o, from, to = 0, 0, math.huge, 0
    for _, thread in ipairs(threads) do
        s = s + thread:get("signed")
        o = o + thread:get("other")
        from = math.min(from, thread:get("first"))
        to = math.max(to, thread:get("last"))
    end
    io.write(string.format("signed %d other %d seconds %.3f\n", s, o, to - from))
end
