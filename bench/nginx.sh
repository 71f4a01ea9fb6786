# Sourced by the bench scripts: starts nginx from Debian (installed if missing) on 127.0.0.1:$NGINX_PORT, serving a
# small JSON document at every path and its request counter at /nginx_status; stops it when the script exits.
NGINX_PORT=${NGINX_PORT:-18089}
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; }
nginx_dir=$(mktemp -d)
chmod 755 "$nginx_dir"; mkdir -p "$nginx_dir/logs"
printf '{"id":1,"channel":"town-square","message":"hello"}' > "$nginx_dir/post.json"
chmod 644 "$nginx_dir/post.json"
cat > "$nginx_dir/nginx.conf" <<CONF
worker_processes 1;
worker_rlimit_nofile 20000;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/logs/error.log;
events { worker_connections 16384; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT backlog=8192;
    location = /nginx_status { stub_status; }
    location / { root $nginx_dir; default_type application/json; try_files /post.json =404; }
  }
}
CONF
nginx_stop() { nginx -p "$nginx_dir" -c nginx.conf -s stop >/dev/null 2>&1 || true; rm -rf "$nginx_dir"; }
trap nginx_stop EXIT
nginx -p "$nginx_dir" -c nginx.conf
NGINX_URL="http://127.0.0.1:$NGINX_PORT/api/posts/1"

# Requests nginx has answered so far (its status page counts itself too: one per call).
nginx_requests() { curl -s "http://127.0.0.1:$NGINX_PORT/nginx_status" | awk 'NR==3 {print $3}'; }
