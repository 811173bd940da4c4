"""JAX anchors for backprop's benchmarks (run by benchmarks/run.sh when JAX is installed).

jit(value_and_grad) of the functions of Interleaved's groups, in float64 on the CPU, with XLA
held to one thread: per call from Python (what a caller pays, dispatch included) and per
iteration inside one jitted loop of gradient steps (the compiled code alone). Times are CPU time
of the whole process (time.process_time), medians over rounds, in ns.

    python3 benchmarks/jax/anchors.py OUT.json [--rounds 30]
"""
import json
import os
import sys
import time

os.environ.setdefault(
    "XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

jax.config.update("jax_enable_x64", True)


def rosenbrock(x):
    return jnp.sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)


def log_loss(w, X, y):
    z = X @ w
    return jnp.mean(jnp.log1p(jnp.exp(z)) - y * z)


def mlp(w, X, y):
    w1 = w[:32].reshape(16, 2)
    b1, w2, b2 = w[32:48], w[48:64], w[64]
    out = jnp.tanh(X @ w1.T + b1) @ w2 + b2
    return jnp.mean((out - y) ** 2)


def mlp784(params, X, labels):
    w1, b1, w2, b2 = params
    z = jnp.tanh(X @ w1.T + b1) @ w2.T + b2
    zmax = jnp.max(z, axis=1, keepdims=True)
    lse = jnp.log(jnp.sum(jnp.exp(z - zmax), axis=1)) + zmax[:, 0]
    return jnp.mean(lse - z[jnp.arange(X.shape[0]), labels])


def problems(r):
    x = -1.2 + 0.002 * np.arange(1000)
    lw = r.uniform(-0.5, 0.5, 16)
    lX = r.uniform(-1, 1, (256, 16))
    ly = (r.uniform(0, 1, 256) < 0.5).astype(float)
    mw = r.uniform(-0.5, 0.5, 65)
    mX = r.uniform(-1, 1, (64, 2))
    my = r.uniform(-1, 1, 64)
    s1, s2 = 1 / np.sqrt(784), 1 / np.sqrt(128)
    p = (r.uniform(-s1, s1, (128, 784)), r.uniform(-s1, s1, 128),
         r.uniform(-s2, s2, (10, 128)), r.uniform(-s2, s2, 10))
    X = r.uniform(0, 1, (64, 784))
    labels = r.integers(0, 10, 64)
    # name (as Interleaved's group), function, differentiated argument, constant arguments,
    # calls per timed batch
    return [
        ("rosenbrock n=1000", rosenbrock, jnp.asarray(x), (), 2000),
        ("logistic 256x16", log_loss, jnp.asarray(lw), (jnp.asarray(lX), jnp.asarray(ly)), 500),
        ("mlp", mlp, jnp.asarray(mw), (jnp.asarray(mX), jnp.asarray(my)), 500),
        ("mlp784", mlp784, tuple(jnp.asarray(a) for a in p),
         (jnp.asarray(X), jnp.asarray(labels)), 20),
    ]


def timed(f, calls, rounds):
    f()  # compile
    for _ in range(3):
        f()
    ts = []
    for _ in range(rounds):
        t = time.process_time_ns()
        for _ in range(calls):
            f()
        ts.append((time.process_time_ns() - t) / calls)
    return float(np.median(ts))


def main():
    out = sys.argv[1]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 30
    results = []
    for name, f, w, data, calls in problems(np.random.default_rng(17)):
        vg = jax.jit(jax.value_and_grad(f))

        def per_call():
            v, g = vg(w, *data)
            jax.block_until_ready(g)

        steps = calls

        @jax.jit
        def loop(w0):
            def step(_, w):
                v, g = jax.value_and_grad(f)(w, *data)
                return jax.tree_util.tree_map(lambda a, b: a - 1e-9 * b, w, g)
            return jax.lax.fori_loop(0, steps, step, w0)

        def in_loop():
            jax.block_until_ready(loop(w))

        call_ns = timed(per_call, calls, rounds)
        loop_ns = timed(in_loop, 1, rounds) / steps
        results.append({"group": name, "perCallNs": call_ns, "inLoopNs": loop_ns})
        print(f"{name}: jit(value_and_grad) {call_ns:,.0f} ns per call, "
              f"{loop_ns:,.0f} ns per step in a jitted loop", flush=True)
    with open(out, "w") as fh:
        json.dump({"jax": jax.__version__, "numpy": np.__version__,
                   "xlaFlags": os.environ["XLA_FLAGS"], "rounds": rounds,
                   "functions": results}, fh, indent=1)


if __name__ == "__main__":
    main()
