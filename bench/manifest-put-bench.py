#!/usr/bin/env python3
# Manifest PUT rate against a running Portus (auth none): python3 bench/manifest-put-bench.py PORT PER_CLIENT CLIENTS one|spread
# "one": every client pushes into one namespace (they queue on its usage row lock); "spread": one namespace each.
import hashlib, json, os, sys, threading, time, http.client
port=int(sys.argv[1]); n=int(sys.argv[2]); threads=int(sys.argv[3]); spread=sys.argv[4]=='spread'
def req(method, path, body=None, headers={}):
    c=http.client.HTTPConnection('127.0.0.1',port); c.request(method,path,body,headers); r=c.getresponse(); d=r.read(); c.close(); return r.status,d
def blob(repo, data):
    d='sha256:'+hashlib.sha256(data).hexdigest()
    s,_=req('POST',f'/v2/{repo}/blobs/uploads/?digest={d}',data,{'Content-Type':'application/octet-stream'}); assert s==201,s
    return {'mediaType':'application/vnd.oci.image.layer.v1.tar+gzip','digest':d,'size':len(data)}
repos=[f'bench{i if spread else 0}/app' for i in range(threads)]
base={}
for r in set(repos):
    cfg=blob(r,b'{"architecture":"amd64","os":"linux"}'); cfg['mediaType']='application/vnd.oci.image.config.v1+json'
    base[r]=(cfg, blob(r, os.urandom(4096)))
lat=[]; lock=threading.Lock()
def work(t):
    r=repos[t]; cfg,layer=base[r]
    c=http.client.HTTPConnection('127.0.0.1',port)
    for i in range(n):
        m=json.dumps({'schemaVersion':2,'mediaType':'application/vnd.oci.image.manifest.v1+json','config':cfg,'layers':[layer],'annotations':{'n':f'{t}-{i}'}}).encode()
        t0=time.perf_counter(); c.request('PUT',f'/v2/{r}/manifests/t{t}-{i}',m,{'Content-Type':'application/vnd.oci.image.manifest.v1+json'}); resp=c.getresponse(); resp.read(); dt=time.perf_counter()-t0
        assert resp.status==201,resp.status
        with lock: lat.append(dt)
t0=time.perf_counter(); ts=[threading.Thread(target=work,args=(t,)) for t in range(threads)]
[x.start() for x in ts]; [x.join() for x in ts]; el=time.perf_counter()-t0
lat.sort(); print(f"{len(lat)} manifest PUTs, {threads} clients, {'8 namespaces' if spread else 'one namespace'}: {len(lat)/el:.0f}/s, p50 {lat[len(lat)//2]*1000:.1f} ms, p99 {lat[int(len(lat)*.99)]*1000:.1f} ms")
