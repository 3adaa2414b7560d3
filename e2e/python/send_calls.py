"""Sends one of each call through a stock Python analytics library, as a shop's backend would.

Usage: send_calls.py segment|rudder HOST WRITE_KEY USER_ID
Prints "ok" after a flush that reported no error, else each error on stderr (exit 1).
"""
import sys

library, host, write_key, user_id = sys.argv[1:5]
if library == "segment":
    import segment.analytics as analytics

    analytics.host = host
else:
    import rudderstack.analytics as analytics

    analytics.dataPlaneUrl = host
analytics.write_key = write_key
errors = []
analytics.on_error = lambda error, batch: errors.append(repr(error))

analytics.identify(user_id, {"email": f"{user_id}@example.com", "firstName": "Py"})
analytics.track(user_id, "Python Signed Up", {"plan": "pro", "seats": 3})
analytics.page(user_id, "Docs", "Pricing", {"path": "/pricing"})
analytics.screen(user_id, "App", "Home", {"variant": "b"})
analytics.group(user_id, f"{user_id}-acme", {"name": "Acme", "plan": "enterprise"})
analytics.alias(f"{user_id}-visitor", user_id)
analytics.flush()
analytics.shutdown()

if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
print("ok")
