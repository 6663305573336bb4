-- wrk script of the feedback benchmark: posts the public form (FORM_PATH, FORM_BODY from the environment) and
-- counts the answers: 303 (accepted, redirected to the case's page) and anything else.
wrk.method = "POST"
wrk.path = os.getenv("FORM_PATH")
wrk.body = os.getenv("FORM_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=UTF-8"

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    accepted = 0
    refused = 0
end

function response(status, headers, body)
    if status == 303 then
        accepted = accepted + 1
    else
        refused = refused + 1
    end
end

function done(summary, latency, requests)
    local a, r = 0, 0
    for _, thread in ipairs(threads) do
        a = a + thread:get("accepted")
        r = r + thread:get("refused")
    end
    io.write(string.format("accepted %d refused %d\n", a, r))
end
