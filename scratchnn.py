# SPDX-License-Identifier: MIT
"""scratchnn: a neural network built from scratch, in one file of plain Python.

A neuron adds up its inputs, each multiplied by a weight, plus a bias; an
activation function squashes that sum; a loss measures how wrong the result
is; backpropagation finds how the loss changes with every weight; gradient
descent moves the weights a little downhill; repeat until the network has
learned.  This file builds each of those steps in that order, with plain
lists and floats and nothing but Python's standard library, so that you can
read it from top to bottom as a lesson and run it anywhere Python runs.

Usage:  python scratchnn.py [--help]    (or: import scratchnn)

Version 1.0.0.  MIT licence: free to use, copy, change and share; the full
text is at the end of this file.
"""

__version__ = "1.0.0"

import math

__all__ = [
    "dot", "sigmoid", "sigmoid_derivative", "sigmoid_derivative_from_output",
    "tanh", "tanh_derivative", "tanh_derivative_from_output",
    "relu", "relu_derivative", "relu_derivative_from_output",
    "linear", "linear_derivative", "linear_derivative_from_output",
    "ACTIVATIONS", "mse", "neuron_gradients", "SplitMix64", "Network",
    "DivergenceError", "numerical_gradients", "gradient_check",
    "XOR_INPUTS", "XOR_TARGETS", "loss_chart", "decision_map", "prediction_table",
    "walkthrough", "train_demo", "main",
]


# ---------------------------------------------------------------------------
# Portability: the one place where the code adapts to the interpreter.
#
# The innermost loops of a network multiply and add up lists of numbers, so
# they use the fastest tools each Python offers.  The results agree (only
# math.sumprod may round the last digit better).
# ---------------------------------------------------------------------------
try:
    # The operator module's functions are C code: map(_mul, xs, ws)
    # multiplies whole lists without running a line of Python per element.
    from operator import add as _add, mul as _mul, sub as _sub
except ImportError:
    # MicroPython has no operator module: the same, in Python.
    def _add(a, b):
        return a + b

    def _mul(a, b):
        return a * b

    def _sub(a, b):
        return a - b
try:
    # CPython 3.12+: a whole dot product in one C loop, about 3x faster
    # than the form below.
    _sumprod = math.sumprod
except AttributeError:
    def _sumprod(xs, ws):
        # About half the time of sum(x * w for x, w in zip(xs, ws)).
        return sum(map(_mul, xs, ws))


# ---------------------------------------------------------------------------
# Step 1: inputs, weights and the weighted sum
# ---------------------------------------------------------------------------
def dot(xs, ws):
    """The weighted sum x0*w0 + x1*w1 + ... of two equally long lists.

    The lesson's neuron has inputs [0.5, 0.8], weights [0.4, 0.7] and bias
    0.2; its weighted sum plus the bias is 0.96:

    >>> dot([0.5, 0.8], [0.4, 0.7]) + 0.2
    0.96

    Lists of different lengths are a mistake, never silently cut short:

    >>> dot([1, 2, 3], [1, 2])
    Traceback (most recent call last):
    ...
    ValueError: dot() needs two lists of the same length: xs has 3 values, ws has 2
    """
    xs = _vector(xs, "xs", finite=False)
    ws = _vector(ws, "ws", finite=False)
    if len(xs) != len(ws):
        raise ValueError("dot() needs two lists of the same length: xs has %d values, ws has %d"
                         % (len(xs), len(ws)))
    return _sumprod(xs, ws)


# ---------------------------------------------------------------------------
# Step 2: activation functions
#
# A weighted sum is a straight line (a plane, in more inputs).  Stacking
# straight lines only gives another straight line, so without a bend between
# the layers a deep network could learn nothing a single neuron cannot.  The
# activation function is that bend.
#
# Each activation comes with its derivative twice over.  The "derivative"
# takes z, the weighted sum, as calculus writes it.  The "derivative from
# output" takes a = activation(z) instead: backpropagation has the outputs at
# hand, and for these four functions the slope is cheap to get from them.
# Mixing the two up (feeding z to a * (1 - a)) is a classic bug.
# ---------------------------------------------------------------------------
def sigmoid(z):
    """The logistic function 1 / (1 + e^-z): squashes any number into (0, 1).

    >>> sigmoid(0)
    0.5
    >>> sigmoid(0.96)                     # the lesson's neuron
    0.7231218051243898
    >>> sigmoid(-1000.0), sigmoid(1000.0)  # no OverflowError at the extremes
    (0.0, 1.0)
    """
    z = _number(z, "z", finite=False)
    # For z below -700, e^-z would overflow a float (beyond about 1e308).
    # There 1 + e^-z equals e^-z to every digit a float keeps, so the exact
    # formula becomes 1 / e^-z = e^z, which cannot overflow.
    if z < -700.0:
        return math.exp(z)
    return 1.0 / (1.0 + math.exp(-z))


def sigmoid_derivative(z):
    """The slope of the sigmoid at z: sigmoid(z) * (1 - sigmoid(z)).  Takes z.

    >>> sigmoid_derivative(0)
    0.25
    >>> sigmoid_derivative(40.0) > 0       # tiny, but not rounded away to 0
    True
    """
    z = _number(z, "z", finite=False)
    # With t = e^-|z| (never above 1, so never overflowing) the slope is
    # t / (1 + t)^2.  Computing 1 - sigmoid(z) instead would give exactly 0
    # for z above about 37, where sigmoid(z) rounds to 1.  (Near z = 0,
    # rounding can land a hair above the true maximum, 1/4: min() stops it.)
    t = math.exp(-abs(z))
    return min(0.25, t / ((1.0 + t) * (1.0 + t)))


def sigmoid_derivative_from_output(a):
    """The sigmoid's slope written with its output a = sigmoid(z): a * (1 - a).

    >>> sigmoid_derivative_from_output(0.5)      # a = sigmoid(0)
    0.25
    >>> round(sigmoid_derivative_from_output(sigmoid(0.96)), 12)  # the same slope...
    0.200216660078
    >>> round(sigmoid_derivative(0.96), 12)                        # ...given z instead
    0.200216660078
    """
    a = _number(a, "a", finite=False)
    return a * (1.0 - a)


def tanh(z):
    """The hyperbolic tangent: like the sigmoid, but from -1 to 1 through 0.

    >>> tanh(0)
    0.0
    >>> round(tanh(0.5), 10)
    0.4621171573
    >>> tanh(1000.0), tanh(-1000.0)
    (1.0, -1.0)
    """
    z = _number(z, "z", finite=False)
    # Beyond |z| = 20, tanh(z) is +-1 to every digit a float keeps.  Saying so
    # directly also protects against interpreters whose math.tanh returns nan
    # for large z (Skulpt does, from about 710 on).
    if z > 20.0:
        return 1.0
    if z < -20.0:
        return -1.0
    return math.tanh(z)


def tanh_derivative(z):
    """The slope of tanh at z: 1 - tanh(z)^2.  Takes z.

    >>> tanh_derivative(0)
    1.0
    >>> tanh_derivative(30.0) > 0
    True
    """
    z = _number(z, "z", finite=False)
    # Written as 4t / (1 + t)^2 with t = e^-2|z| for the same reasons as the
    # sigmoid's: no overflow, no 1 - 1 = 0 when tanh(z) rounds to 1, and
    # never above the true maximum, 1.
    t = math.exp(-2.0 * abs(z))
    return min(1.0, 4.0 * t / ((1.0 + t) * (1.0 + t)))


def tanh_derivative_from_output(a):
    """The slope of tanh written with its output a = tanh(z): 1 - a^2.

    >>> tanh_derivative_from_output(0.0)
    1.0
    """
    a = _number(a, "a", finite=False)
    return 1.0 - a * a


def relu(z):
    """The rectified linear unit: z when z is positive, else 0.

    >>> relu(2.5), relu(-2.5)
    (2.5, 0.0)
    """
    z = _number(z, "z", finite=False)
    return z if z > 0.0 else 0.0


def relu_derivative(z):
    """The slope of relu at z: 1 for positive z, else 0.  Takes z.

    (At exactly 0 the slope jumps; 0 is the usual choice there.)

    >>> relu_derivative(2.5), relu_derivative(-2.5)
    (1.0, 0.0)
    """
    z = _number(z, "z", finite=False)
    return 1.0 if z > 0.0 else 0.0


def relu_derivative_from_output(a):
    """The slope of relu written with its output a = relu(z): 1 where a > 0.

    >>> relu_derivative_from_output(2.5), relu_derivative_from_output(0.0)
    (1.0, 0.0)
    """
    a = _number(a, "a", finite=False)
    return 1.0 if a > 0.0 else 0.0


def linear(z):
    """The identity: no bend at all.  A network of linear layers is one line.

    >>> linear(-3.0)
    -3.0
    """
    return _number(z, "z", finite=False)


def linear_derivative(z):
    """The slope of the identity: always 1.  Takes z.

    >>> linear_derivative(-3.0)
    1.0
    """
    _number(z, "z", finite=False)
    return 1.0


def linear_derivative_from_output(a):
    """The slope of the identity written with its output: always 1.

    >>> linear_derivative_from_output(-3.0)
    1.0
    """
    _number(a, "a", finite=False)
    return 1.0


# The network applies an activation to a whole layer at once, forwards
# (the outputs of a layer from its weighted sums) and backwards (the chain
# rule through the activation: dL/dz = dL/da * da/dz, with the slope taken
# from the outputs).  These list versions repeat the formulas above inline:
# calling a function per neuron costs about 15 % more on this part (measured
# on CPython 3.11 and 3.12).  The tests check that both versions agree.
def _sigmoid_forward(zs, exp=math.exp):
    # (exp=math.exp looks the function up once, not on every call.)
    return [1.0 / (1.0 + exp(-z)) if z >= -700.0 else exp(z) for z in zs]


def _sigmoid_backward(grads, outputs):
    return [g * a * (1.0 - a) for g, a in zip(grads, outputs)]


def _tanh_forward(zs, tanh_=math.tanh):
    return [1.0 if z > 20.0 else -1.0 if z < -20.0 else tanh_(z) for z in zs]


def _tanh_backward(grads, outputs):
    return [g * (1.0 - a * a) for g, a in zip(grads, outputs)]


def _relu_forward(zs):
    return [z if z > 0.0 else 0.0 for z in zs]


def _relu_backward(grads, outputs):
    return [g if a > 0.0 else 0.0 for g, a in zip(grads, outputs)]


def _linear_forward(zs):
    return list(zs)


def _linear_backward(grads, outputs):
    return grads


# name -> (forward over a layer, backward over a layer)
ACTIVATIONS = {
    "sigmoid": (_sigmoid_forward, _sigmoid_backward),
    "tanh": (_tanh_forward, _tanh_backward),
    "relu": (_relu_forward, _relu_backward),
    "linear": (_linear_forward, _linear_backward),
}


# ---------------------------------------------------------------------------
# Step 3: the loss
# ---------------------------------------------------------------------------
def mse(y_true, y_pred):
    """Mean squared error: the average of (target - prediction)^2.

    The lesson's neuron predicts 0.7231... where the label is 1:

    >>> mse(1, 0.7231218051243898)
    0.07666153479757636

    With several outputs it averages over them:

    >>> mse([1.0, 0.0], [0.5, 0.5])
    0.25
    """
    # A plain number counts as a list of one.
    y_true = _vector(y_true, "y_true", finite=False)
    y_pred = _vector(y_pred, "y_pred", finite=False)
    if len(y_true) != len(y_pred):
        raise ValueError("mse() needs as many predictions as targets: y_true has %d values, "
                         "y_pred has %d" % (len(y_true), len(y_pred)))
    if not y_true:
        raise ValueError("mse() needs at least one target, y_true is empty")
    # d * d rather than d ** 2: a float power raises OverflowError for huge d,
    # a product quietly becomes inf, which training then reports clearly.
    errors = [p - t for t, p in zip(y_true, y_pred)]
    return _sumprod(errors, errors) / len(errors)


# ---------------------------------------------------------------------------
# Step 4: gradients, for one neuron
#
# The loss depends on a weight through a chain: the weight changes z, z
# changes the activation a, a changes the loss.  The chain rule multiplies
# the slopes of those links: dL/dw = dL/da * da/dz * dz/dw.
# ---------------------------------------------------------------------------
def neuron_gradients(inputs, weights, bias, target):
    """How the squared error of one sigmoid neuron changes with each weight and the bias.

    Returns (weight_gradients, bias_gradient).  For the lesson's neuron
    every gradient is negative: raising any weight raises the output towards
    the label 1 and lowers the loss.

    >>> weight_grads, bias_grad = neuron_gradients([0.5, 0.8], [0.4, 0.7], 0.2, 1)
    >>> [round(g, 7) for g in weight_grads], round(bias_grad, 7)
    ([-0.0554356, -0.088697], -0.1108713)
    """
    z = dot(inputs, weights) + _number(bias, "bias")
    a = sigmoid(z)
    loss_slope = 2.0 * (a - _number(target, "target"))  # dL/da of L = (a - target)^2
    z_slope = loss_slope * sigmoid_derivative(z)         # dL/dz = dL/da * da/dz
    # z = x0*w0 + x1*w1 + ... + bias, so dz/dw_k = x_k and dz/dbias = 1.
    return [z_slope * x for x in _vector(inputs, "inputs")], z_slope


# ---------------------------------------------------------------------------
# Random numbers you can reproduce
#
# A network starts from random weights.  Python's random.Random is missing
# from some interpreters (MicroPython, Skulpt) and draws different numbers
# on others, so this file carries its own generator: SplitMix64 (Steele,
# Lea and Flood, 2014), a few lines of integer arithmetic that give the same
# numbers from the same seed on every Python.  It never touches the global
# state of the random module.
# ---------------------------------------------------------------------------
class SplitMix64:
    """A small seeded pseudo-random generator, identical on every interpreter.

    >>> generator = SplitMix64(seed=42)
    >>> generator.next_int()
    13679457532755275413
    >>> 0.0 <= generator.random() < 1.0
    True
    """

    # The constants, written in decimal because Skulpt misreads hexadecimal
    # literals above 2**53: 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9,
    # 0x94D049BB133111EB, and 2**64 - 1 to keep every result in 64 bits.
    _GOLDEN_GAMMA = 11400714819323198485
    _MIX_1 = 13787848793156543929
    _MIX_2 = 10723151780598845931
    _MASK = 18446744073709551615

    def __init__(self, seed=0):
        self.state = _integer(seed, "seed") & self._MASK

    def next_int(self):
        """The next number of the sequence: an integer in [0, 2**64).

        >>> SplitMix64(seed=0).next_int()
        16294208416658607535
        """
        mask = self._MASK
        self.state = (self.state + self._GOLDEN_GAMMA) & mask
        z = self.state
        z = ((z ^ (z >> 30)) * self._MIX_1) & mask
        z = ((z ^ (z >> 27)) * self._MIX_2) & mask
        return z ^ (z >> 31)

    def random(self):
        """A float in [0, 1), from the top 53 bits of next_int().

        >>> SplitMix64(seed=0).random()
        0.8833108082136426
        """
        # A float has 53 bits of precision: 53 random bits times 2**-53 is
        # exact, so every interpreter gets the very same float.
        return (self.next_int() >> 11) * (1.0 / 9007199254740992.0)

    def uniform(self, low, high):
        """A float between low and high.

        >>> -1.0 <= SplitMix64(seed=0).uniform(-1.0, 1.0) < 1.0
        True
        """
        return low + (high - low) * self.random()

    def shuffle(self, items):
        """Put a list in a random order, in place (the Fisher-Yates shuffle).

        >>> cards = [1, 2, 3, 4, 5]
        >>> SplitMix64(seed=0).shuffle(cards)
        >>> sorted(cards)
        [1, 2, 3, 4, 5]
        """
        for i in range(len(items) - 1, 0, -1):
            # The remainder of a 64-bit number: it favours small j by about
            # len(items) / 2**64, less than one part in 10**10 even for a
            # list of a billion items.
            j = self.next_int() % (i + 1)
            items[i], items[j] = items[j], items[i]


# ---------------------------------------------------------------------------
# Step 5: a network of layers
#
# Layer l+1 is a row of neurons that all see every output of layer l.  With
# weights[l][j][k] the weight from unit k of layer l to unit j of layer l+1,
# unit j computes sigma(dot(weights[l][j], a) + biases[l][j]).
# ---------------------------------------------------------------------------
class DivergenceError(ValueError):
    """Training stopped because the loss or the weights stopped being finite.

    Its `epoch` says in which epoch (counting from 1 in that call to train).
    """

    epoch = None


# How a saved network (see Network.to_dict) says what it is.
_FORMAT = "scratchnn-network"
_FORMAT_VERSION = 1


class Network:
    """A fully connected network of layers, trained by backpropagation.

    `sizes` lists the units per layer, inputs first: [2, 3, 1] has two
    inputs, one hidden layer of three units and one output.  `activation`
    is used on every layer, the output layer too unless `output_activation`
    names another.  The same `seed` always gives the same starting weights.

    >>> net = Network([2, 3, 1], seed=0)
    >>> net
    Network([2, 3, 1], activation='sigmoid', seed=0)
    >>> len(net.weights[0]), len(net.weights[0][0])   # 3 units, 2 weights each
    (3, 2)
    >>> net.biases
    [[0.0, 0.0, 0.0], [0.0]]
    """

    def __init__(self, sizes, activation="sigmoid", seed=0, output_activation=None):
        self.sizes = _check_sizes(sizes)
        self.activation = _check_activation(activation, "activation")
        if output_activation is None:
            output_activation = activation
        self.output_activation = _check_activation(output_activation, "output_activation")
        self.seed = _integer(seed, "seed")
        # One generator per network: it draws the starting weights, then
        # the order of the samples in each epoch.
        self.random = SplitMix64(self.seed)
        self.weights = []
        self.biases = []
        for n_in, n_out in zip(self.sizes, self.sizes[1:]):
            # Weights start small and random.  Random, so that the units of a
            # layer differ and learn different things (equal weights would get
            # equal gradients forever); small, so that sums stay where the
            # sigmoid and tanh are not flat.  The range sqrt(6 / (n_in + n_out))
            # (Glorot and Bengio, 2010) keeps the signal about the same size
            # from layer to layer; relu, which zeroes half its inputs, gets
            # sqrt(6 / n_in) (He et al., 2015).  Biases can start at zero.
            if self.activation == "relu":
                limit = math.sqrt(6.0 / n_in)
            else:
                limit = math.sqrt(6.0 / (n_in + n_out))
            self.weights.append([[self.random.uniform(-limit, limit) for _ in range(n_in)]
                                 for _ in range(n_out)])
            self.biases.append([0.0] * n_out)
        # The loss of every epoch this network has trained, oldest first.
        self.history = []

    def __repr__(self):
        text = "Network(%r, activation=%r, seed=%r" % (self.sizes, self.activation, self.seed)
        if self.output_activation != self.activation:
            text += ", output_activation=%r" % self.output_activation
        return text + ")"

    # -- the forward pass ---------------------------------------------------
    def forward(self, x):
        """The outputs of the network for one input x.

        >>> net = Network([2, 1])
        >>> net.weights, net.biases = [[[0.4, 0.7]]], [[0.2]]   # the lesson's neuron
        >>> net.forward([0.5, 0.8])
        [0.7231218051243898]
        """
        x = _vector(x, "x", self.sizes[0])
        return _activations(self._layers(), x)[-1]

    def loss(self, X, Y):
        """The mean squared error over a data set: inputs X, targets Y.

        >>> net = Network([2, 1])
        >>> net.weights, net.biases = [[[0.4, 0.7]]], [[0.2]]
        >>> net.loss([[0.5, 0.8]], [1])
        0.07666153479757636
        """
        X, Y = self._check_data(X, Y)
        layers = self._layers()
        return sum(_sample_loss(layers, x, y) for x, y in zip(X, Y)) / len(X)

    # -- backpropagation ----------------------------------------------------
    def gradients(self, x, y):
        """The slope of the loss mse(y, forward(x)) for every weight and bias.

        Returns (weight_grads, bias_grads), nested exactly like `weights`
        and `biases`.  For the lesson's neuron:

        >>> net = Network([2, 1])
        >>> net.weights, net.biases = [[[0.4, 0.7]]], [[0.2]]
        >>> weight_grads, bias_grads = net.gradients([0.5, 0.8], 1)
        >>> [round(g, 7) for g in weight_grads[0][0]], round(bias_grads[0][0], 7)
        ([-0.0554356, -0.088697], -0.1108713)
        """
        x, y = self._check_sample(x, y)
        layers = self._layers()
        # A step of -1 into zeros leaves exactly the gradient there.
        gradients = _zeros_like(layers)
        _backpropagate(layers, x, y, -1.0, gradients)
        return [W for W, _ in gradients], [b for _, b in gradients]

    # -- training -----------------------------------------------------------
    def train(self, X, Y, epochs=1000, learning_rate=0.5, batch_size=1, shuffle=True):
        """Gradient descent: nudge every weight downhill, sample after sample.

        Each epoch goes once through the data (in an order shuffled from the
        network's seed, unless shuffle=False), taking one step per batch of
        `batch_size` samples along their average gradient.  Returns the loss
        of each epoch: the mean of the losses of its samples, each measured
        just before its step, as most frameworks report it; they are also
        added to `history`.  X and Y are never changed.

        If the loss or a weight stops being finite (a learning rate too
        large), training stops with DivergenceError and the network keeps
        the weights from before that epoch.  Ctrl+C likewise leaves the
        weights from the start of the interrupted epoch, and `history`
        holds the epochs that finished.

        >>> net = Network([2, 1])
        >>> net.weights, net.biases = [[[0.4, 0.7]]], [[0.2]]
        >>> net.train([[0.5, 0.8]], [1], epochs=1, learning_rate=0.5)
        [0.07666153479757636]
        >>> net.weights, net.biases           # each moved by -0.5 * its gradient
        ([[[0.4277178137132148, 0.7443485019411437]]], [[0.25543562742642967]])
        >>> round(net.loss([[0.5, 0.8]], [1]), 5)    # one step later: lower
        0.06574
        """
        X, Y = self._check_data(X, Y)
        epochs = _integer(epochs, "epochs", minimum=0)
        learning_rate = _number(learning_rate, "learning_rate")
        if learning_rate < 0.0:
            raise ValueError("learning_rate must be 0 or more, got %r" % learning_rate)
        batch_size = _integer(batch_size, "batch_size", minimum=1)
        layers = self._layers()
        parameters = [(W, b) for W, b, _, _, _ in layers]
        losses = []
        for epoch in range(1, epochs + 1):
            # A copy of the weights from before the epoch: restored when the
            # epoch ends badly, so the network is never left half-trained.
            saved = self._copy_parameters()
            try:
                # A fresh order each epoch, so that ten calls of one epoch
                # train exactly like one call of ten.
                order = list(range(len(X)))
                if shuffle:
                    self.random.shuffle(order)
                total = 0.0
                if batch_size == 1:
                    # Plain stochastic gradient descent: each sample's step
                    # goes straight into the weights.
                    for i in order:
                        total += _backpropagate(layers, X[i], Y[i], learning_rate, parameters)
                else:
                    # Mini-batches: every sample of a batch is measured with
                    # the weights from before the batch, their steps are
                    # collected, and the weights move once by their average.
                    for start in range(0, len(order), batch_size):
                        batch = order[start:start + batch_size]
                        steps = _zeros_like(layers)
                        for i in batch:
                            total += _backpropagate(layers, X[i], Y[i],
                                                    learning_rate / len(batch), steps)
                        for (W, b), (step_W, step_b) in zip(parameters, steps):
                            for row, step_row in zip(W, step_W):
                                for k, value in enumerate(step_row):
                                    row[k] += value
                            for j, value in enumerate(step_b):
                                b[j] += value
                loss = total / len(order)
            except KeyboardInterrupt:
                self._restore_parameters(saved)
                raise
            if not (math.isfinite(loss) and self._parameters_are_finite()):
                self._restore_parameters(saved)
                error = DivergenceError(
                    "training diverged in epoch %d: the loss became %r; the network keeps "
                    "the weights from before that epoch; try a smaller learning_rate "
                    "than %r" % (epoch, loss, learning_rate))
                error.epoch = epoch
                raise error
            losses.append(loss)
            self.history.append(loss)
        return losses

    # -- saving and loading -------------------------------------------------
    def to_dict(self):
        """Everything needed to rebuild the network, as plain JSON-ready data.

        >>> sorted(Network([2, 1]).to_dict())
        ['activation', 'biases', 'format', 'output_activation', 'seed', 'sizes', 'version', 'weights']
        """
        return {
            "format": _FORMAT,
            "version": _FORMAT_VERSION,
            "sizes": list(self.sizes),
            "activation": self.activation,
            "output_activation": self.output_activation,
            "seed": self.seed,
            "weights": [[list(row) for row in W] for W in self.weights],
            "biases": [list(b) for b in self.biases],
        }

    @classmethod
    def from_dict(cls, data):
        """Rebuild a network from to_dict()'s data; ValueError if anything is off.

        >>> net = Network([2, 3, 1], seed=7)
        >>> copy = Network.from_dict(net.to_dict())
        >>> copy.forward([0.5, 0.8]) == net.forward([0.5, 0.8])
        True
        """
        # Whatever is wrong with the data, and whatever it contains, the only
        # outcomes are a network or a ValueError: nothing in it is executed.
        try:
            return cls._from_checked_dict(data)
        except TypeError as error:
            message = str(error)
        raise ValueError(message)

    @classmethod
    def _from_checked_dict(cls, data):
        if not isinstance(data, dict):
            raise ValueError("from_dict() needs a dict, got %s" % _describe(data))
        keys = ("format", "version", "sizes", "activation", "output_activation", "seed",
                "weights", "biases")
        missing = [key for key in keys if key not in data]
        if missing:
            raise ValueError("the network data lacks %s" % ", ".join(missing))
        extra = sorted(str(key) for key in data if key not in keys)
        if extra:
            raise ValueError("the network data has unknown keys: %s" % ", ".join(extra))
        if data["format"] != _FORMAT:
            raise ValueError("format is %s, expected %r" % (_describe(data["format"]), _FORMAT))
        if type(data["version"]) is not int or data["version"] != _FORMAT_VERSION:
            raise ValueError("version is %s, this scratchnn reads version %d"
                             % (_describe(data["version"]), _FORMAT_VERSION))
        sizes = _check_sizes(data["sizes"])
        weights = []
        biases = []
        for l, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
            W = _listed(_item(data["weights"], l, "weights", len(sizes) - 1), "weights[%d]" % l)
            if len(W) != n_out:
                raise ValueError("weights[%d] has %d rows, expected %d (one per unit of layer %d)"
                                 % (l, len(W), n_out, l + 1))
            weights.append([_vector(row, "weights[%d][%d]" % (l, j), n_in)
                            for j, row in enumerate(W)])
            biases.append(_vector(_item(data["biases"], l, "biases", len(sizes) - 1),
                                  "biases[%d]" % l, n_out))
        for name in ("weights", "biases"):
            if len(data[name]) != len(sizes) - 1:
                raise ValueError("%s has %d layers, expected %d for sizes %r"
                                 % (name, len(data[name]), len(sizes) - 1, sizes))
        net = cls(sizes, data["activation"], data["seed"], data["output_activation"])
        net.weights = weights
        net.biases = biases
        return net

    # -- helpers ------------------------------------------------------------
    def _layers(self):
        """Per layer: (weights, biases, forward, backward, range of its inputs).

        Checks the shapes of weights and biases first (they are plain
        attributes, which anyone may have replaced).
        """
        n_layers = len(self.sizes) - 1
        names = [self.activation] * (n_layers - 1) + [self.output_activation]
        if len(self.weights) != n_layers or len(self.biases) != n_layers:
            raise ValueError("the network has %d weight and %d bias layers, expected %d for sizes %r"
                             % (len(self.weights), len(self.biases), n_layers, self.sizes))
        layers = []
        for l in range(n_layers):
            W, b = self.weights[l], self.biases[l]
            n_in, n_out = self.sizes[l], self.sizes[l + 1]
            if len(W) != n_out or len(b) != n_out or any(len(row) != n_in for row in W):
                raise ValueError("weights[%d] must be %d rows of %d and biases[%d] %d values "
                                 "for sizes %r" % (l, n_out, n_in, l, n_out, self.sizes))
            forward, backward = ACTIVATIONS[_check_activation(names[l], "activation")]
            layers.append((W, b, forward, backward, range(n_in)))
        return layers

    def _check_data(self, X, Y):
        """X and Y as lists of rows of numbers, or a clear error."""
        X = _samples(X, "X", self.sizes[0])
        Y = _samples(Y, "Y", self.sizes[-1])
        if len(X) != len(Y):
            raise ValueError("X and Y must have one target per sample: X has %d samples, Y has %d"
                             % (len(X), len(Y)))
        if not X:
            raise ValueError("X and Y are empty: at least one sample is needed")
        _check_targets(Y, "Y", self.output_activation)
        return X, Y

    def _check_sample(self, x, y):
        """One input x and its target y as lists of floats, or a clear error."""
        x = _vector(x, "x", self.sizes[0])
        y = _vector(y, "y", self.sizes[-1])
        _check_target_row(y, "y", self.output_activation)
        return x, y

    def _copy_parameters(self):
        return [[row[:] for row in W] for W in self.weights], [b[:] for b in self.biases]

    def _restore_parameters(self, saved):
        # Copied back into the same lists, so that anyone holding them sees it.
        saved_weights, saved_biases = saved
        for W, saved_W in zip(self.weights, saved_weights):
            for row, saved_row in zip(W, saved_W):
                row[:] = saved_row
        for b, saved_b in zip(self.biases, saved_biases):
            b[:] = saved_b

    def _parameters_are_finite(self):
        # One sum: any nan or inf (or a sum beyond a float's range) spoils it.
        total = sum(sum(b) for b in self.biases)
        for W in self.weights:
            total += sum(map(sum, W))
        return math.isfinite(total)


# The network's inner loops.  They take lists that were checked once per
# call (by train and friends) and run without checks, for speed.
def _activations(layers, x):
    """The outputs of every layer for input x, the input itself first."""
    activations = [x]
    for W, b, forward, _, _ in layers:
        # z = W x + b: each row's dot product with x, plus its bias.  The
        # loop over the rows runs inside map(), in C, and the activation
        # consumes the z's as they come.
        x = forward(map(_add, map(_sumprod, W, [x] * len(W)), b))
        activations.append(x)
    return activations


def _sample_loss(layers, x, y):
    """The squared error of one sample, averaged over the outputs."""
    errors = list(map(_sub, _activations(layers, x)[-1], y))
    return _sumprod(errors, errors) / len(errors)


def _backpropagate(layers, x, y, step, into):
    """Backpropagation for one sample: subtract step * gradient from `into`; return the loss.

    `into` holds a (weights, biases) pair per layer: the network's own for
    plain gradient descent, or zeros that collect the steps of a batch (or,
    with step = -1, the gradient itself).
    """
    activations = _activations(layers, x)
    outputs = activations[-1]
    errors = list(map(_sub, outputs, y))
    n = len(errors)
    # The "delta" of a unit is dL/dz: how much the loss changes with the
    # unit's weighted sum z.  At the output, L = sum((a - y)^2) / n, so
    # dL/da = 2 (a - y) / n, and the activation's backward step multiplies
    # in da/dz.  The factor 2 / n is the same for every unit of every layer,
    # so it rides along in the step size instead of being multiplied into
    # each delta (the deltas below are dL/dz * n / 2).
    step = step * 2.0 / n
    delta = layers[-1][3](errors, outputs)
    for l in range(len(layers) - 1, -1, -1):
        W, _, _, _, inputs = layers[l]
        a = activations[l]
        target_W, target_b = into[l]
        # Unit k of the layer below fed every unit j here through W[j][k],
        # so its share of the blame, dL/da_k, is the sum over j of
        # W[j][k] * delta[j].  It is added up in the same pass that updates
        # W, each weight read just before it changes: one pass over W, not
        # two (up to 10 % of a step on small networks).  The first layer
        # has no layer below to pass blame to.
        blame = [0.0] * len(a) if l else None
        for j, d in enumerate(delta):
            # dL/dW[j][k] = delta[j] * a[k] (z_j moves with W[j][k] as fast
            # as a[k] is large) and dL/db[j] = delta[j].  The updates are
            # in-place index loops: 2.6x as fast as building a new row with
            # a list comprehension on rows of 2, about even on rows of 64.
            d_step = step * d
            row, target = W[j], target_W[j]
            if blame is None:
                for k in inputs:
                    target[k] -= d_step * a[k]
            else:
                for k in inputs:
                    blame[k] += d * row[k]
                    target[k] -= d_step * a[k]
            target_b[j] -= d_step
        if l:
            delta = layers[l - 1][3](blame, a)
    return _sumprod(errors, errors) / n


def _zeros_like(layers):
    """A (weights, biases) pair of zeros per layer, shaped like the network's."""
    return [([[0.0] * len(row) for row in W], [0.0] * len(b)) for W, b, _, _, _ in layers]


# ---------------------------------------------------------------------------
# Step 6: checking the gradients
#
# Backpropagation is easy to get subtly wrong.  The check: nudge one weight
# up by a tiny epsilon, then down, and see how the loss changes.
# (L(w + eps) - L(w - eps)) / (2 eps) approaches dL/dw as eps shrinks (its
# error falls like eps^2), but too small an eps drowns the difference in
# rounding.  eps = 1e-6 balances the two for losses of ordinary size.
# ---------------------------------------------------------------------------
def numerical_gradients(network, x, y, epsilon=1e-6):
    """The gradients of network.gradients(x, y), estimated by nudging each parameter.

    Slow (two forward passes per parameter) but hard to get wrong.

    >>> net = Network([2, 1])
    >>> net.weights, net.biases = [[[0.4, 0.7]]], [[0.2]]
    >>> weight_grads, bias_grads = numerical_gradients(net, [0.5, 0.8], 1)
    >>> [round(g, 7) for g in weight_grads[0][0]], round(bias_grads[0][0], 7)
    ([-0.0554356, -0.088697], -0.1108713)
    """
    if not isinstance(network, Network):
        raise TypeError("network must be a Network, got %s" % _describe(network))
    x, y = network._check_sample(x, y)
    epsilon = _number(epsilon, "epsilon")
    if epsilon <= 0.0:
        raise ValueError("epsilon must be positive, got %r" % epsilon)
    layers = network._layers()

    def slope(values, k):
        # Nudge values[k] both ways and put back exactly what was there,
        # even if something goes wrong in between.
        original = values[k]
        try:
            values[k] = original + epsilon
            loss_up = _sample_loss(layers, x, y)
            values[k] = original - epsilon
            loss_down = _sample_loss(layers, x, y)
        finally:
            values[k] = original
        return (loss_up - loss_down) / (2.0 * epsilon)

    weight_grads = [[[slope(row, k) for k in range(len(row))] for row in W]
                    for W in network.weights]
    bias_grads = [[slope(b, j) for j in range(len(b))] for b in network.biases]
    return weight_grads, bias_grads


def gradient_check(network, x, y, epsilon=1e-6):
    """The largest relative difference between backpropagation and nudging.

    Below 1e-6 means the two agree to every digit that finite differences
    can resolve; a real mistake in backpropagation shows as 1e-2 or more.

    >>> net = Network([2, 3, 1], seed=1)
    >>> gradient_check(net, [0.5, 0.8], 1) < 1e-6
    True
    """
    analytic_w, analytic_b = network.gradients(x, y)
    numeric_w, numeric_b = numerical_gradients(network, x, y, epsilon)
    pairs = list(zip(_flatten(analytic_w) + _flatten(analytic_b),
                     _flatten(numeric_w) + _flatten(numeric_b)))
    # Relative: |a - n| / max(|a|, |n|).  But the forward pass rounds at
    # about 1e-16, and dividing by 2 * epsilon blows that up to about 1e-10
    # in every estimate: for gradients much below 0.001 that noise would
    # look like a large relative difference.  So 0.001 is the smallest
    # yardstick used.
    return max(abs(a - n) / max(abs(a), abs(n), 1e-3) for a, n in pairs)


def _flatten(nested):
    """All the numbers of nested lists, in order."""
    if isinstance(nested, list):
        flat = []
        for item in nested:
            flat.extend(_flatten(item))
        return flat
    return [nested]


# ---------------------------------------------------------------------------
# Step 7: the demo
#
# `python scratchnn.py` runs the lesson: one neuron step by step, then a
# small network learning XOR in front of you.  The pictures it draws are
# functions you can call on your own networks too.
# ---------------------------------------------------------------------------
XOR_INPUTS = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
XOR_TARGETS = [0.0, 1.0, 1.0, 0.0]

# Block characters draw finer pictures; where the output cannot show them
# (some Windows consoles), the same pictures come in plain ASCII.
_BARS = {True: " ...:::##", False: " \u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"}
_SHADES = {True: " .-+#", False: " \u2591\u2592\u2593\u2588"}
_AXES = {True: "|+-+", False: "\u2502\u2514\u2500\u2518"}


def loss_chart(losses, height=6, width=50, ascii=False):
    """A bar chart of a loss curve, in text, from the first epoch to the last.

    Each column shows the loss at one epoch, evenly spaced; the left axis
    is labelled with the highest and the lowest of them (for a network that
    learns, the first loss and the last).

    >>> print(loss_chart([4.0, 3.0, 2.0, 1.0, 0.0], height=2, width=5, ascii=True))
     4.0000 |#:.
     0.0000 |###:.
            +-----
             epoch 1 to 5
    """
    losses = _vector(losses, "losses")
    height = _integer(height, "height", minimum=1)
    width = _integer(width, "width", minimum=1)
    if not losses:
        raise ValueError("losses is empty: there is nothing to draw")
    columns = min(width, len(losses))
    last = len(losses) - 1
    shown = [losses[c * last // (columns - 1)] if columns > 1 else losses[-1]
             for c in range(columns)]
    low, high = min(shown), max(shown)
    span = (high - low) or 1.0
    # A bar is measured in eighths of a row: the highest loss fills the
    # whole height, the lowest one eighth of the bottom row (so that it
    # still shows).
    eighths = [1 + int((8 * height - 1) * (v - low) / span + 0.5) for v in shown]
    bars, (vertical, corner, horizontal, _) = _BARS[ascii], _AXES[ascii]
    lines = []
    for row in range(height):
        floor = 8 * (height - 1 - row)
        cells = "".join(bars[max(0, min(8, e - floor))] for e in eighths).rstrip()
        label = f"{high:.4f}" if row == 0 else f"{low:.4f}" if row == height - 1 else ""
        lines.append(f"{label:>7} {vertical}{cells}")
    lines.append(f"{'':>7} {corner}{horizontal * columns}")
    lines.append(f"{'':>7}  epoch 1 to {len(losses)}")
    return "\n".join(lines)


def decision_map(network, width=25, height=11, X=None, Y=None, ascii=False):
    """What a network with two inputs and one output answers across the unit square.

    Each character is one point (x1, x2); the darker, the nearer the output
    is to 1, so the decision boundary (output 0.5) runs through the middle
    shade.  Samples X with targets Y, if given, are marked with their
    target rounded to a digit.

    >>> net = Network([2, 1])
    >>> net.weights, net.biases = [[[10.0, 0.0]]], [[-5.0]]   # "is x1 above 0.5?"
    >>> print(decision_map(net, width=9, height=3, ascii=True))
    x2 1 |   .-+###|
         |   .-+###|
       0 |   .-+###|
         +---------+
          0  x1   1
    """
    if not isinstance(network, Network):
        raise TypeError("network must be a Network, got %s" % _describe(network))
    if network.sizes[0] != 2 or network.sizes[-1] != 1:
        raise ValueError("decision_map() needs a network with 2 inputs and 1 output, "
                         "this one has sizes %r" % (network.sizes,))
    width = _integer(width, "width", minimum=2)
    height = _integer(height, "height", minimum=2)
    marks = {}
    if X is not None:
        X, Y = network._check_data(X, Y)
        for x, y in zip(X, Y):
            # Where the sample falls on the grid (samples outside the
            # square are left out).
            column = math.floor(x[0] * (width - 1) + 0.5)
            row = math.floor((1.0 - x[1]) * (height - 1) + 0.5)
            if 0 <= column < width and 0 <= row < height:
                marks[(row, column)] = str(max(0, min(9, math.floor(y[0] + 0.5))))
    shades, (vertical, corner, horizontal, right_corner) = _SHADES[ascii], _AXES[ascii]
    layers = network._layers()
    lines = []
    for row in range(height):
        x2 = 1.0 - row / (height - 1)
        cells = ""
        for column in range(width):
            output = _activations(layers, [column / (width - 1), x2])[-1][0]
            level = max(0, min(len(shades) - 1, int(output * len(shades))))
            cells += marks.get((row, column), shades[level])
        label = "x2 1" if row == 0 else "0" if row == height - 1 else ""
        lines.append(f"{label:>4} {vertical}{cells}{vertical}")
    lines.append(f"{'':>4} {corner}{horizontal * width}{right_corner}")
    gap = width - 4
    lines.append(f"{'':>4}  0{' ' * (gap // 2)}x1{' ' * (gap - gap // 2)}1")
    return "\n".join(lines)


def prediction_table(network, X, Y):
    """A table of inputs, targets and the network's predictions, one row per sample.

    A prediction is "right" when it is on the same side of 0.5 as its target.

    >>> net = Network([2, 1])
    >>> net.weights, net.biases = [[[10.0, 0.0]]], [[-5.0]]
    >>> print(prediction_table(net, [[0, 1], [1, 0]], [1, 1]))
      input        target  prediction
      [0, 1]            1      0.0067  wrong
      [1, 0]            1      0.9933  right
    """
    inputs = _listed(X, "X")
    X, Y = network._check_data(inputs, Y)
    lines = [f"  {'input':<12} {'target':>6}  {'prediction':>10}"]
    for original, x, y in zip(inputs, X, Y):
        outputs = network.forward(x)
        right = all((o > 0.5) == (t > 0.5) for o, t in zip(outputs, y))
        targets = " ".join(f"{t:g}" for t in y)
        predictions = " ".join(f"{o:.4f}" for o in outputs)
        lines.append(f"  {_short(original):<12} {targets:>6}  {predictions:>10}  "
                     + ("right" if right else "wrong"))
    return "\n".join(lines)


def _short(values):
    """A list of numbers, written briefly: [0, 1] rather than [0.0, 1.0]."""
    return "[" + ", ".join(f"{v:g}" for v in _vector(values, "x")) + "]"


def walkthrough(inputs=(0.5, 0.8), weights=(0.4, 0.7), bias=0.2, label=1.0, learning_rate=0.5):
    """The lesson's steps for one sigmoid neuron, with the numbers they produce.

    >>> text = walkthrough()
    >>> "z = 0.5 * 0.4 + 0.8 * 0.7 + 0.2 = 0.96" in text
    True
    >>> "loss = (1 - 0.723122)^2 = 0.0766615" in text
    True
    """
    inputs = _vector(inputs, "inputs")
    weights = _vector(weights, "weights", len(inputs))
    bias = _number(bias, "bias")
    label = _number(label, "label")
    neuron = Network([len(inputs), 1])
    neuron.weights, neuron.biases = [[list(weights)]], [[bias]]
    names = [f"w{k + 1}" for k in range(len(inputs))] + ["b"]

    z = dot(inputs, weights) + bias
    a = sigmoid(z)
    loss = mse(label, a)
    weight_grads, bias_grads = neuron.gradients(inputs, label)
    numeric_w, numeric_b = numerical_gradients(neuron, inputs, label)
    analytic = weight_grads[0][0] + bias_grads[0]
    numeric = numeric_w[0][0] + numeric_b[0]
    before = weights + [bias]
    # One epoch on one sample is exactly one step of gradient descent.
    neuron.train([inputs], [label], epochs=1, learning_rate=learning_rate)
    after = neuron.weights[0][0] + neuron.biases[0]
    new_loss = neuron.loss([inputs], [label])

    lines = [
        "Step 1: inputs, weights and a bias",
        f"  inputs  x = {_short(inputs)}",
        f"  weights w = {_short(weights)}",
        f"  bias    b = {bias:g}",
        "",
        "Step 2: the weighted sum (each input times its weight, plus the bias)",
        "  z = " + " + ".join(f"{x:g} * {w:g}" for x, w in zip(inputs, weights))
        + (f" + {bias:g}" if bias >= 0 else f" - {-bias:g}") + f" = {z:.6g}",
        "",
        "Step 3: the activation (the sigmoid squashes z into 0..1)",
        f"  a = sigmoid(z) = 1 / (1 + e^{-z:.6g}) = {a:.6g}",
        "",
        "Step 4: the loss (how far the prediction is from the label)",
        f"  label y = {label:g}",
        f"  loss = ({label:g} - {a:.6g})^2 = {loss:.6g}",
        "",
        "Step 5: the gradients (how fast the loss grows with each parameter)",
        "  by the chain rule, dL/dw = 2 (a - y) * a (1 - a) * x (x = 1 for the bias),",
        "  and checked by nudging each parameter by 1e-6 both ways (finite differences):",
        f"          {'chain rule':>14}  {'finite differences':>18}",
    ]
    for name, g, n in zip(names, analytic, numeric):
        lines.append(f"  dL/d{name:<3} {g:14.7f}  {n:18.7f}")
    difference = gradient_check(neuron, inputs, label)
    # Only its size matters (the digits beyond it are rounding noise, which
    # differs between Python versions).
    size = "0" if difference == 0 else f"1e{math.ceil(math.log10(difference))}"
    verdict = "they agree" if difference < 1e-6 else "they DISAGREE"
    lines += [
        f"  largest relative difference: below {size} ({verdict})",
        "",
        f"Step 6: one step of gradient descent (learning rate {learning_rate:g})",
        f"  each parameter moves against its gradient: p = p - {learning_rate:g} * dL/dp",
    ]
    for name, old, new in zip(names, before, after):
        lines.append(f"  {name:<3} {old:10.6f} -> {new:.6f}")
    lines.append(f"  the loss goes from {loss:.6g} to {new_loss:.6g}")
    return "\n".join(lines)


def train_demo(hidden=4, activation="sigmoid", learning_rate=2.0, epochs=1000, seed=0, show=None):
    """Train a network on XOR, reporting progress through show(epoch, loss); returns it.

    >>> net = train_demo(epochs=1000)
    >>> [round(net.forward(x)[0]) for x in XOR_INPUTS]
    [0, 1, 1, 0]
    """
    net = Network([2, hidden, 1], activation=activation, seed=seed, output_activation="sigmoid")
    # Trained in stretches, so that the progress can be shown in between.
    stretches = max(1, min(epochs, 50))
    done = 0
    for stretch in range(1, stretches + 1):
        goal = epochs * stretch // stretches
        losses = net.train(XOR_INPUTS, XOR_TARGETS, epochs=goal - done,
                           learning_rate=learning_rate)
        done = goal
        if show is not None and losses:
            show(done, losses[-1])
    return net


class _Progress:
    """Shows training progress: in place on a terminal, as a few lines elsewhere.

    Where the output is not a terminal (a file, a pipe, an online
    interpreter's output pane), a carriage return would leave clutter, so
    progress comes as separate lines instead.
    """

    def __init__(self, epochs, in_place, lines=5):
        self.epochs = epochs
        self.in_place = in_place
        self.lines = lines
        self.shown = 0

    def __call__(self, epoch, loss):
        padding = " " * (len(str(self.epochs)) - len(str(epoch)))
        text = f"  epoch {padding}{epoch} of {self.epochs}   loss {loss:.6f}"
        if self.in_place:
            _write("\r" + text)
        elif epoch * self.lines >= (self.shown + 1) * self.epochs:
            self.shown += 1
            print(text)

    def finish(self):
        if self.in_place:
            print()


def _write(text):
    """Print without a newline, and show it at once."""
    import sys
    sys.stdout.write(text)
    flush = getattr(sys.stdout, "flush", None)
    if flush is not None:
        flush()


def _output_is_terminal():
    import sys
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return bool(isatty and isatty())
    except Exception:          # a closed or unusual stream
        return False


def _output_takes_blocks():
    """Whether the output's encoding can show the block characters."""
    import sys
    encoding = getattr(sys.stdout, "encoding", None)
    if not encoding:           # browser Pythons write Unicode text
        return True
    try:
        (_BARS[False] + _SHADES[False] + _AXES[False]).encode(encoding)
    except (LookupError, UnicodeError):
        return False
    return True


_DEMO_DEFAULTS = {
    "inputs": [0.5, 0.8], "weights": [0.4, 0.7], "bias": 0.2, "label": 1.0,
    "hidden": 4, "activation": "sigmoid", "learning_rate": 2.0, "epochs": 1000,
    "seed": 0, "lesson": True, "train": True, "quiet": False, "ascii": False,
}


class _Settings:
    """The demo's settings, as attributes (what argparse would give)."""

    def __init__(self, values):
        for name in values:
            setattr(self, name, values[name])


def _parse_options(argv):
    """The demo's settings from command-line options (argparse prints errors and exits 2)."""
    try:
        import argparse
    except ImportError:
        # MicroPython and Skulpt have no argparse (and online, no command
        # line either): the lesson runs with its usual numbers.
        if argv:
            print("(this Python has no argparse: the options are ignored)")
        return _Settings(_DEMO_DEFAULTS)
    defaults = _DEMO_DEFAULTS
    parser = argparse.ArgumentParser(
        prog="scratchnn.py",
        description="A neural network from scratch: the lesson step by step for one\n"
                    "neuron, then a small network learning XOR.  Change the numbers and\n"
                    "watch the output and the loss move.",
        epilog="examples:\n"
               "  python scratchnn.py --bias 2                 a bigger bias: output up, loss down\n"
               "  python scratchnn.py --inputs 1 0 0.5 --weights 0.3 -0.2 0.9\n"
               "  python scratchnn.py --activation linear      no bend: XOR cannot be learned\n"
               "  python scratchnn.py --learning-rate 0        no steps: nothing is learned",
        formatter_class=argparse.RawDescriptionHelpFormatter)

    def finite(text):
        try:
            value = float(text)
        except ValueError:
            value = None
        if value is None or not math.isfinite(value):
            raise argparse.ArgumentTypeError("expected a finite number, got %r" % text)
        return value

    def positive(text):
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1:
            raise argparse.ArgumentTypeError("expected a whole number of 1 or more, got %r" % text)
        return value

    lesson = parser.add_argument_group("the lesson's neuron (mini-practice)")
    lesson.add_argument("--inputs", type=finite, nargs="+", metavar="X", default=defaults["inputs"],
                        help="the inputs x (default: 0.5 0.8)")
    lesson.add_argument("--weights", type=finite, nargs="+", metavar="W",
                        default=defaults["weights"],
                        help="one weight per input (default: 0.4 0.7)")
    lesson.add_argument("--bias", type=finite, default=defaults["bias"], metavar="B",
                        help="the bias b (default: 0.2)")
    lesson.add_argument("--label", type=finite, default=defaults["label"], metavar="Y",
                        help="the right answer y, from 0 to 1 (default: 1)")
    demo = parser.add_argument_group("the network trained on XOR")
    demo.add_argument("--hidden", type=positive, default=defaults["hidden"], metavar="N",
                      help="units in the hidden layer (default: 4)")
    demo.add_argument("--activation", choices=sorted(ACTIVATIONS), default=defaults["activation"],
                      help="activation of the hidden layer; the output is always sigmoid "
                           "(default: sigmoid)")
    demo.add_argument("--learning-rate", type=finite, default=defaults["learning_rate"],
                      metavar="RATE", help="step size of gradient descent (default: 2)")
    demo.add_argument("--epochs", type=positive, default=defaults["epochs"], metavar="N",
                      help="passes over the four XOR samples (default: 1000)")
    demo.add_argument("--seed", type=int, default=defaults["seed"], metavar="N",
                      help="seed of the starting weights and the shuffling (default: 0)")
    shown = parser.add_argument_group("what to show")
    shown.add_argument("--no-lesson", dest="lesson", action="store_false",
                       help="skip the one-neuron walkthrough")
    shown.add_argument("--no-train", dest="train", action="store_false",
                       help="skip training the network")
    shown.add_argument("--quiet", action="store_true", help="no progress lines while training")
    shown.add_argument("--ascii", action="store_true",
                       help="draw with plain ASCII instead of block characters")
    parser.add_argument("--version", action="version", version="scratchnn " + __version__)
    options = parser.parse_args(argv)
    if len(options.weights) != len(options.inputs):
        parser.error("--weights needs one weight per input: %d inputs but %d weights"
                     % (len(options.inputs), len(options.weights)))
    if options.learning_rate < 0:
        parser.error("--learning-rate must be 0 or more, got %g" % options.learning_rate)
    if not 0 <= options.label <= 1:
        parser.error("--label must be between 0 and 1 (a sigmoid's output cannot go beyond), "
                     "got %g" % options.label)
    return options


def main(argv=None):
    """Run the lesson and the XOR demo, as `python scratchnn.py` does; returns 0.

    argv is the list of command-line options (sys.argv[1:] when None).
    """
    if argv is None:
        import sys
        argv = getattr(sys, "argv", [])[1:]
    settings = _parse_options(list(argv))
    ascii = settings.ascii or not _output_takes_blocks()
    print(f"scratchnn {__version__}: a neural network from scratch")
    if settings.lesson:
        print()
        print(walkthrough(settings.inputs, settings.weights, settings.bias, settings.label))
    if settings.train:
        print()
        print("Step 7: a network learns XOR")
        print(f"  2 inputs -> {settings.hidden} hidden units ({settings.activation}) -> "
              f"1 output (sigmoid), learning rate {settings.learning_rate:g}")
        print("  XOR: the output should be 1 when exactly one input is 1")
        progress = None if settings.quiet else _Progress(settings.epochs, _output_is_terminal())
        try:
            net = train_demo(settings.hidden, settings.activation, settings.learning_rate,
                             settings.epochs, settings.seed, show=progress)
        except DivergenceError as error:
            net = None
            message = f"  {error}"
        if progress is not None:
            progress.finish()
        if net is None:
            print(message)
            return 0
        print()
        print("  the loss, epoch by epoch:")
        print(loss_chart(net.history, ascii=ascii))
        print()
        print(prediction_table(net, XOR_INPUTS, XOR_TARGETS))
        print()
        print("  what the network answers across the square of inputs")
        print("  (darker = nearer 1; the digits are the four samples):")
        print(decision_map(net, X=XOR_INPUTS, Y=XOR_TARGETS, ascii=ascii))
    return 0


# ---------------------------------------------------------------------------
# Checking what comes in
#
# Every public function turns its arguments into plain floats and lists
# first, so that a mistake (a string from a file, a short row, a nan) is
# reported where it happened, with its name and position, instead of
# surfacing later as a wrong number or a puzzling error deep inside.
# ---------------------------------------------------------------------------
def _describe(value):
    """A short description of a value for error messages: its repr and type."""
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return "%s (%s)" % (text, type(value).__name__)


def _number(value, name, finite=True):
    """value as a float; TypeError if it is not a number, ValueError if not a finite one."""
    number = value if type(value) is float else _as_float(value)
    if number is None:
        raise TypeError("%s must be a number, got %s" % (name, _describe(value)))
    if finite and not math.isfinite(number):
        raise ValueError("%s must be a finite number, got %s" % (name, _describe(value)))
    return number


def _as_float(value):
    """float(value) for a number (True is 1.0, an int too large is inf); None for anything else."""
    if isinstance(value, (str, bytes)):       # float("1.5") works, but "1.5" is text
        return None
    try:
        return float(value)
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")
    except (TypeError, ValueError):
        return None


def _integer(value, name, minimum=None):
    """value as an int (not a bool or float), at least `minimum`."""
    if type(value) is not int:
        raise TypeError("%s must be an integer, got %s" % (name, _describe(value)))
    if minimum is not None and value < minimum:
        raise ValueError("%s must be at least %d, got %d" % (name, minimum, value))
    return value


def _listed(values, name, expected="a list"):
    """Any iterable of values (read once) as a list; strings, dicts and sets refused."""
    if not isinstance(values, (str, bytes, dict, set, frozenset)):
        try:
            return list(values)
        except TypeError:
            pass
    raise TypeError("%s must be %s, got %s" % (name, expected, _describe(values)))


def _vector(values, name, length=None, finite=True):
    """values as a new list of floats; a plain number counts as a list of one."""
    if (length is None or length == 1) and not _is_iterable(values):
        return [_number(values, name, finite)]
    expected = "a list of numbers" if length is None else "a list of %s" % _plural(length, "number")
    values = _listed(values, name, expected)
    if length is not None and len(values) != length:
        hint = ""
        if values and isinstance(values[0], (list, tuple)):
            hint = " (%s[0] is itself a list: one pair of brackets too many?)" % name
        raise ValueError("%s has %s, expected %d%s" % (name, _plural(len(values), "value"), length, hint))
    return [_number(v, "%s[%d]" % (name, i), finite) for i, v in enumerate(values)]


def _plural(count, word):
    return "%d %s%s" % (count, word, "" if count == 1 else "s")


def _is_iterable(value):
    try:
        iter(value)
    except TypeError:
        return False
    return True


def _samples(rows, name, length):
    """rows (any iterable, read once) as a list of vectors of `length` numbers."""
    rows = _listed(rows, name)
    # The usual case is checked in a few quick passes, because train() may
    # be handed millions of numbers: the rows are lists (or tuples) of the
    # right length, and adding up all their values works (so every value
    # is a number) and gives a finite int or float (so none is nan or
    # infinite).  Such rows are used as they are: training only reads them.
    # Anything else takes the slow path below, which finds the culprit and
    # names it.  (One flat list and one sum cost less than a sum per row
    # when the rows are short.)
    total = None
    if _types_of(rows) <= _ROW_TYPES and list(map(len, rows)) == [length] * len(rows):
        try:
            total = sum([value for row in rows for value in row])
        except TypeError:
            pass
    if type(total) in (int, float) and _is_finite_number(total):
        return rows
    return [_vector(row, "%s[%d]" % (name, i), length) for i, row in enumerate(rows)]


_ROW_TYPES = set([list, tuple])


def _types_of(values):
    return set(map(type, values))


def _is_finite_number(value):
    try:
        return math.isfinite(value)
    except OverflowError:      # an int too large for a float
        return False


def _item(values, index, name, expected):
    """values[index] of a list, or a clear error when values is not a long enough list."""
    if not isinstance(values, list):
        raise ValueError("%s must be a list, got %s" % (name, _describe(values)))
    if index >= len(values):
        raise ValueError("%s has %d layers, expected %d" % (name, len(values), expected))
    return values[index]


def _check_sizes(sizes):
    """sizes as a new list of at least two positive integers."""
    sizes = _listed(sizes, "sizes")
    if len(sizes) < 2:
        raise ValueError("sizes needs at least two layers (inputs and outputs), got %r" % (sizes,))
    return [_integer(n, "sizes[%d]" % i, minimum=1) for i, n in enumerate(sizes)]


# What each output activation can produce: targets beyond it can never be
# reached, and training towards them only pins the outputs at the edge.
_OUTPUT_RANGES = {
    "sigmoid": (0.0, 1.0, "between 0 and 1"),
    "tanh": (-1.0, 1.0, "between -1 and 1"),
    "relu": (0.0, float("inf"), "0 or more"),
    "linear": (float("-inf"), float("inf"), "any number"),
}


def _check_targets(rows, name, activation):
    """Every target of every row within reach of the output activation."""
    low, high, _ = _OUTPUT_RANGES[activation]
    # Checked in bulk first; the loop below only runs to name the culprit.
    targets = [target for row in rows for target in row]
    if not (low <= min(targets) and max(targets) <= high):
        for i, row in enumerate(rows):
            _check_target_row(row, "%s[%d]" % (name, i), activation)


def _check_target_row(row, name, activation):
    """Every target of one sample within reach of the output activation."""
    low, high, reach = _OUTPUT_RANGES[activation]
    for k, target in enumerate(row):
        if not low <= target <= high:
            raise ValueError("%s[%d] is %r, but a %s output can only be %s: scale the targets "
                             "into that range, or choose another output_activation"
                             % (name, k, target, activation, reach))


def _check_activation(name, argument):
    if not isinstance(name, str) or name not in ACTIVATIONS:
        raise ValueError("%s must be one of %s, got %s"
                         % (argument, ", ".join(sorted(ACTIVATIONS)), _describe(name)))
    return name


# The demo runs when the file is run as a program (python scratchnn.py, or
# "Run" in an online interpreter), not when it is imported.
if __name__ == "__main__":
    status = main()
    if status:
        import sys
        sys.exit(status)


# ---------------------------------------------------------------------------
# The licence (MIT)
#
# Copyright (c) 2026 the scratchnn authors
#
# Permission is hereby granted, free of charge, to any person obtaining a
# copy of this software and associated documentation files (the
# "Software"), to deal in the Software without restriction, including
# without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit
# persons to whom the Software is furnished to do so, subject to the
# following conditions:
#
# The above copyright notice and this permission notice shall be included
# in all copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
# OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
# MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
# NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
# USE OR OTHER DEALINGS IN THE SOFTWARE.
# ---------------------------------------------------------------------------
