# A short check that scratchnn works the same on every interpreter.
#
# CI runs it on CPython and on each browser Python (which have no doctest or
# unittest) and compares what it prints: the numbers must agree digit for
# digit, and the starting weights bit for bit.  It raises (and so fails CI)
# when something is plainly wrong.
import math

import scratchnn as nn

XOR = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
TARGETS = [0.0, 1.0, 1.0, 0.0]


def check(condition, what):
    if not condition:
        raise AssertionError("smoke check failed: " + what)


def bits(values):
    """Every float as exact integers (mantissa * 2**53, exponent): equal only when bit-identical."""
    out = []
    for v in values:
        mantissa, exponent = math.frexp(v)
        out.append("%d:%d" % (int(mantissa * 9007199254740992.0), exponent))
    return " ".join(out)


def flat(nested):
    if isinstance(nested, list):
        return [v for item in nested for v in flat(item)]
    return [nested]


# The lesson's numbers.
z = nn.dot([0.5, 0.8], [0.4, 0.7]) + 0.2
a = nn.sigmoid(z)
loss = nn.mse(1, a)
check(abs(z - 0.96) < 1e-15, "weighted sum 0.96")
check(abs(a - 0.7231218051243898) < 1e-15, "sigmoid 0.7231218051243898")
check(abs(loss - 0.07666153479757636) < 1e-15, "loss 0.07666153479757636")
weight_grads, bias_grad = nn.neuron_gradients([0.5, 0.8], [0.4, 0.7], 0.2, 1)
check(abs(weight_grads[0] + 0.0554356) < 1e-7 and abs(weight_grads[1] + 0.0886970) < 1e-7
      and abs(bias_grad + 0.1108713) < 1e-7, "the lesson's gradients")
print("lesson: z %.6f  a %.10f  loss %.10f" % (z, a, loss))

# Huge inputs stay finite and exact.
for big in (1000.0, 1e308):
    check(nn.sigmoid(big) == 1.0 and nn.sigmoid(-big) == 0.0, "sigmoid(+-%g)" % big)
    check(nn.tanh(big) == 1.0 and nn.tanh(-big) == -1.0, "tanh(+-%g)" % big)
    check(nn.sigmoid_derivative(big) == 0.0 and nn.tanh_derivative(-big) == 0.0, "slopes at %g" % big)
print("extremes: ok")

# The same seed gives the same starting weights everywhere.
for sizes in ([2, 4, 1], [3, 5, 2]):
    net = nn.Network(sizes, seed=0)
    print("initial %s: %s" % ("-".join(str(n) for n in sizes), bits(flat(net.weights))))

# Gradient checking, every activation.
for activation in sorted(nn.ACTIVATIONS):
    net = nn.Network([3, 4, 2], activation=activation, seed=1)
    difference = nn.gradient_check(net, [0.3, -0.6, 0.9], [0.2, 0.7])
    check(difference < 1e-6, "gradient_check with %s: %g" % (activation, difference))
print("gradient checks: ok")

# XOR, with the demo's settings: the trained numbers to the printed digits.
net = nn.Network([2, 4, 1], seed=0)
losses = net.train(XOR, TARGETS, epochs=1000, learning_rate=2.0)
predictions = [net.forward(x)[0] for x in XOR]
check(all((p > 0.5) == (t > 0.5) for p, t in zip(predictions, TARGETS)), "XOR learned")
print("xor: final loss %.6f  predictions %s" % (losses[-1], " ".join("%.4f" % p for p in predictions)))
for activation in ("tanh", "relu", "linear"):
    other = nn.Network([2, 4, 1], activation=activation, output_activation="sigmoid", seed=0)
    print("xor %s: loss after 200 epochs %.6f"
          % (activation, other.train(XOR, TARGETS, epochs=200, learning_rate=0.5)[-1]))
small_batches = nn.Network([2, 4, 1], seed=0).train(XOR, TARGETS, epochs=100, batch_size=2)
print("xor in batches of 2: loss %.6f" % small_batches[-1])

# Saving and loading (without json, which Skulpt lacks).
copy = nn.Network.from_dict(net.to_dict())
check(copy.forward([0.3, 0.9]) == net.forward([0.3, 0.9]), "from_dict(to_dict())")

# A diverging run ends in the clear error, with finite weights.
diverging = nn.Network([2, 4, 1], activation="linear", seed=0)
try:
    diverging.train(XOR, TARGETS, epochs=200, learning_rate=10.0)
    check(False, "linear XOR with learning rate 10 should diverge")
except nn.DivergenceError as error:
    check("smaller learning_rate" in str(error), "divergence message")
    print("divergence: stopped in epoch %d" % error.epoch)
check(all(math.isfinite(v) for v in flat(diverging.weights)), "finite weights after divergence")

# Bad input is refused clearly.
for bad, expected in ((lambda: nn.dot([1, 2, 3], [1, 2]), ValueError),
                      (lambda: nn.Network([2, 0]), ValueError),
                      (lambda: net.forward([1.0, "x"]), TypeError),
                      (lambda: net.train(XOR, TARGETS[:3]), ValueError)):
    try:
        bad()
        check(False, "bad input accepted")
    except expected:
        pass
print("bad input: refused")
print("smoke: all checks passed")
