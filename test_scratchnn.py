"""Tests for scratchnn: run them with `python -m unittest`.

Besides the tests below, this runs every doctest in scratchnn.py, the
guided tour in examples.txt and the examples in README.md (see load_tests
at the end).  Expected numbers come from the lesson or are worked out
here independently, with math and plain formulas, never copied from
scratchnn's own output.
"""
import contextlib
import doctest
import io
import json
import math
import os
import random
import sys
import unittest

import scratchnn
from scratchnn import (ACTIVATIONS, DivergenceError, Network, SplitMix64, decision_map, dot,
                       gradient_check, linear, linear_derivative, linear_derivative_from_output,
                       loss_chart, main, mse, neuron_gradients, numerical_gradients,
                       prediction_table, relu, relu_derivative, relu_derivative_from_output,
                       sigmoid, sigmoid_derivative, sigmoid_derivative_from_output, tanh,
                       tanh_derivative, tanh_derivative_from_output, walkthrough)

HERE = os.path.dirname(os.path.abspath(__file__))

XOR_X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
XOR_Y = [0.0, 1.0, 1.0, 0.0]
# The settings of the demo in `python scratchnn.py`.
DEMO_SIZES = [2, 4, 1]
DEMO_RATE = 2.0
DEMO_EPOCHS = 1000

SCALAR_FUNCTIONS = {
    "sigmoid": (sigmoid, sigmoid_derivative, sigmoid_derivative_from_output),
    "tanh": (tanh, tanh_derivative, tanh_derivative_from_output),
    "relu": (relu, relu_derivative, relu_derivative_from_output),
    "linear": (linear, linear_derivative, linear_derivative_from_output),
}


def lesson_neuron():
    """The lesson's neuron as a network: weights [0.4, 0.7], bias 0.2."""
    net = Network([2, 1])
    net.weights = [[[0.4, 0.7]]]
    net.biases = [[0.2]]
    return net


def xor_is_learned(net):
    return all((net.forward(x)[0] > 0.5) == (y > 0.5) for x, y in zip(XOR_X, XOR_Y))


def flat(nested):
    if isinstance(nested, list):
        return [v for item in nested for v in flat(item)]
    return [nested]


class TestLessonNumbers(unittest.TestCase):
    """The worked example of the lesson, step by step."""

    def test_weighted_sum(self):
        self.assertAlmostEqual(dot([0.5, 0.8], [0.4, 0.7]) + 0.2, 0.96, places=15)

    def test_sigmoid_of_the_sum(self):
        self.assertAlmostEqual(sigmoid(0.96), 0.7231218051243898, places=15)

    def test_squared_error_against_label_one(self):
        self.assertAlmostEqual(mse(1, 0.7231218051243898), 0.07666153479757636, places=15)

    def test_gradients_by_the_chain_rule(self):
        # Worked out here: dL/dw_k = 2 (a - 1) * a (1 - a) * x_k.
        a = 1.0 / (1.0 + math.exp(-0.96))
        dz = 2.0 * (a - 1.0) * a * (1.0 - a)
        expected = [dz * 0.5, dz * 0.8]
        self.assertAlmostEqual(expected[0], -0.0554356, places=7)     # the lesson's figures
        self.assertAlmostEqual(expected[1], -0.0886970, places=7)
        self.assertAlmostEqual(dz, -0.1108712, places=6)
        weight_grads, bias_grad = neuron_gradients([0.5, 0.8], [0.4, 0.7], 0.2, 1)
        for got, want in zip(weight_grads + [bias_grad], expected + [dz]):
            self.assertAlmostEqual(got, want, places=14)
        net_weight_grads, net_bias_grads = lesson_neuron().gradients([0.5, 0.8], 1)
        for got, want in zip(net_weight_grads[0][0] + net_bias_grads[0], expected + [dz]):
            self.assertAlmostEqual(got, want, places=14)

    def test_one_gradient_step_lowers_the_loss(self):
        net = lesson_neuron()
        before = net.loss([[0.5, 0.8]], [1])
        net.train([[0.5, 0.8]], [1], epochs=1, learning_rate=0.5)
        after = net.loss([[0.5, 0.8]], [1])
        # By hand: every parameter moves by -0.5 times its gradient.
        a = 1.0 / (1.0 + math.exp(-0.96))
        dz = 2.0 * (a - 1.0) * a * (1.0 - a)
        w0, w1, b = 0.4 - 0.5 * dz * 0.5, 0.7 - 0.5 * dz * 0.8, 0.2 - 0.5 * dz
        expected = (1.0 - 1.0 / (1.0 + math.exp(-(0.5 * w0 + 0.8 * w1 + b)))) ** 2
        self.assertAlmostEqual(before, 0.07666153479757636, places=15)
        self.assertAlmostEqual(after, expected, places=14)
        self.assertEqual(round(after, 5), 0.06574)
        self.assertLess(after, before)


class TestDot(unittest.TestCase):
    def test_values(self):
        self.assertEqual(dot([1, 2, 3], [4, 5, 6]), 32)
        self.assertEqual(dot([], []), 0)

    def test_unequal_lengths_are_refused_not_truncated(self):
        with self.assertRaisesRegex(ValueError, "xs has 3 values, ws has 2"):
            dot([1, 2, 3], [1, 2])


class TestActivations(unittest.TestCase):
    POINTS = [-8.0, -2.5, -0.3, 0.2, 1.0, 3.7, 9.0]

    def test_derivatives_match_finite_differences(self):
        h = 1e-6
        for name, (f, derivative, from_output) in SCALAR_FUNCTIONS.items():
            for z in self.POINTS:
                numeric = (f(z + h) - f(z - h)) / (2 * h)
                with self.subTest(name=name, z=z):
                    self.assertAlmostEqual(derivative(z), numeric, places=8)
                    self.assertAlmostEqual(from_output(f(z)), numeric, places=8)

    def test_sigmoid_values(self):
        self.assertEqual(sigmoid(0), 0.5)
        for z in self.POINTS:
            self.assertAlmostEqual(sigmoid(z), 1.0 / (1.0 + math.exp(-z)), places=15)
            self.assertAlmostEqual(sigmoid(z) + sigmoid(-z), 1.0, places=15)

    def test_tanh_and_relu_values(self):
        for z in self.POINTS:
            self.assertAlmostEqual(tanh(z), math.tanh(z), places=15)
            self.assertEqual(relu(z), max(0.0, z))
            self.assertEqual(linear(z), z)

    def test_extremes_give_finite_exact_limits(self):
        for z in (1e308, 1000.0, 800.0):
            self.assertEqual(sigmoid(z), 1.0)
            self.assertEqual(sigmoid(-z), 0.0)
            self.assertEqual(tanh(z), 1.0)
            self.assertEqual(tanh(-z), -1.0)
            for derivative in (sigmoid_derivative, tanh_derivative):
                self.assertEqual(derivative(z), 0.0)
                self.assertEqual(derivative(-z), 0.0)
        # Below -709, sigmoid(z) is e^z, and it stays exact, not 0.
        self.assertEqual(sigmoid(-720.0), math.exp(-720.0))

    def test_tiny_and_signed_zero_inputs(self):
        tiny = 5e-324                                  # the smallest subnormal float
        self.assertEqual(sigmoid(tiny), 0.5)
        self.assertEqual(sigmoid(-0.0), 0.5)
        self.assertEqual(tanh(tiny), tiny)
        self.assertEqual(sigmoid_derivative(-0.0), 0.25)
        self.assertEqual(tanh_derivative(tiny), 1.0)
        self.assertEqual(relu(-0.0), 0.0)

    def test_derivatives_stay_positive_where_the_naive_formula_gives_zero(self):
        # sigmoid(40) rounds to 1, so sigmoid(40) * (1 - sigmoid(40)) is 0,
        # but the true slope is about e^-40.
        self.assertAlmostEqual(sigmoid_derivative(40.0) / math.exp(-40.0), 1.0, places=12)
        self.assertAlmostEqual(tanh_derivative(20.0) / (4.0 * math.exp(-40.0)), 1.0, places=12)

    def test_layer_versions_agree_with_the_scalar_functions(self):
        zs = self.POINTS + [-750.0, 750.0, 25.0, -25.0, 0.0]
        for name, (forward, backward) in ACTIVATIONS.items():
            f, _, from_output = SCALAR_FUNCTIONS[name]
            outputs = forward(list(zs))
            grads = [0.5 + i for i in range(len(zs))]
            with self.subTest(name=name):
                self.assertEqual(outputs, [f(z) for z in zs])
                for got, g, a in zip(backward(grads, outputs), grads, outputs):
                    self.assertAlmostEqual(got, g * from_output(a), places=14)


class TestMse(unittest.TestCase):
    def test_numbers_and_lists(self):
        self.assertEqual(mse(3, 1), 4.0)
        self.assertEqual(mse([1.0, 0.0, 2.0], [0.0, 0.0, 0.0]), 5.0 / 3.0)

    def test_unequal_lengths(self):
        with self.assertRaisesRegex(ValueError, "y_true has 2 values, y_pred has 3"):
            mse([1, 2], [1, 2, 3])

    def test_huge_errors_become_inf_not_overflow_error(self):
        self.assertEqual(mse(1e300, -1e300), float("inf"))


class TestSplitMix64(unittest.TestCase):
    def test_reference_sequence(self):
        # From the reference C implementation of SplitMix64 (Vigna),
        # compiled and run separately.
        expected = {
            0: [16294208416658607535, 7960286522194355700, 487617019471545679],
            1234567: [6457827717110365317, 3203168211198807973, 9817491932198370423],
            42: [13679457532755275413, 2949826092126892291, 5139283748462763858],
        }
        for seed, numbers in expected.items():
            generator = SplitMix64(seed)
            self.assertEqual([generator.next_int() for _ in numbers], numbers)

    def test_random_is_the_top_53_bits(self):
        self.assertEqual(SplitMix64(0).random(), (16294208416658607535 >> 11) / 2.0 ** 53)
        generator = SplitMix64(5)
        values = [generator.random() for _ in range(2000)]
        self.assertTrue(all(0.0 <= v < 1.0 for v in values))
        self.assertAlmostEqual(sum(values) / len(values), 0.5, delta=0.03)

    def test_shuffle_is_a_reproducible_permutation(self):
        first, second = list(range(50)), list(range(50))
        SplitMix64(9).shuffle(first)
        SplitMix64(9).shuffle(second)
        self.assertEqual(first, second)
        self.assertNotEqual(first, list(range(50)))
        self.assertEqual(sorted(first), list(range(50)))


class TestNetwork(unittest.TestCase):
    def test_shapes_follow_sizes(self):
        net = Network([3, 5, 4, 2])
        self.assertEqual([len(W) for W in net.weights], [5, 4, 2])
        self.assertEqual([len(W[0]) for W in net.weights], [3, 5, 4])
        self.assertEqual([len(b) for b in net.biases], [5, 4, 2])
        self.assertEqual(len(net.forward([0.1, 0.2, 0.3])), 2)

    def test_initial_weights_lie_in_the_glorot_range(self):
        for activation, limit in (("sigmoid", math.sqrt(6.0 / 8)), ("relu", math.sqrt(6.0 / 3))):
            net = Network([3, 5], activation=activation)
            values = flat(net.weights)
            self.assertTrue(all(-limit <= w <= limit for w in values))
            self.assertGreater(max(values) - min(values), limit)   # spread, not all alike

    def test_same_seed_same_weights_other_seed_other_weights(self):
        self.assertEqual(Network([2, 3, 1], seed=5).weights, Network([2, 3, 1], seed=5).weights)
        self.assertNotEqual(Network([2, 3, 1], seed=5).weights, Network([2, 3, 1], seed=6).weights)

    def test_first_weight_comes_from_splitmix64(self):
        # Glorot range for 2 inputs and 3 outputs, drawn from SplitMix64(seed).
        limit = math.sqrt(6.0 / 5.0)
        expected = -limit + 2.0 * limit * ((16294208416658607535 >> 11) / 2.0 ** 53)
        self.assertEqual(Network([2, 3, 1], seed=0).weights[0][0][0], expected)

    def test_global_random_state_is_untouched(self):
        state = random.getstate()
        net = Network([2, 3, 1], seed=3)
        net.train(XOR_X, XOR_Y, epochs=5)
        self.assertEqual(random.getstate(), state)

    def test_forward_by_hand(self):
        net = Network([2, 2, 1])
        net.weights = [[[0.1, -0.2], [0.3, 0.4]], [[0.5, -0.6]]]
        net.biases = [[0.05, -0.05], [0.1]]
        s = lambda z: 1.0 / (1.0 + math.exp(-z))
        h = [s(0.1 * 0.7 - 0.2 * 0.9 + 0.05), s(0.3 * 0.7 + 0.4 * 0.9 - 0.05)]
        expected = s(0.5 * h[0] - 0.6 * h[1] + 0.1)
        self.assertAlmostEqual(net.forward([0.7, 0.9])[0], expected, places=15)

    def test_gradients_have_the_nesting_of_the_parameters(self):
        net = Network([3, 4, 2])
        weight_grads, bias_grads = net.gradients([0.1, 0.2, 0.3], [0.0, 1.0])
        self.assertEqual([[len(r) for r in W] for W in weight_grads],
                         [[len(r) for r in W] for W in net.weights])
        self.assertEqual([len(b) for b in bias_grads], [len(b) for b in net.biases])

    def test_gradient_check_on_many_networks(self):
        cases = 0
        for sizes in ([1, 1], [2, 3, 1], [3, 5, 4, 2], [4, 2, 3, 2, 3]):
            for activation in sorted(ACTIVATIONS):
                for seed in range(3):
                    net = Network(sizes, activation=activation, seed=seed)
                    for b in net.biases:          # make the biases count too
                        for j in range(len(b)):
                            b[j] = 0.1 * (j + 1)
                    x = [0.3 + 0.2 * k for k in range(sizes[0])]
                    y = [0.25 * (k % 3) for k in range(sizes[-1])]
                    with self.subTest(sizes=sizes, activation=activation, seed=seed):
                        self.assertLess(gradient_check(net, x, y), 1e-6)
                    cases += 1
        self.assertEqual(cases, 48)

    def test_gradient_check_catches_a_wrong_gradient(self):
        net = Network([2, 3, 1], seed=1)
        original = Network.gradients

        def half_gradients(self, x, y):
            weight_grads, bias_grads = original(self, x, y)
            return [[[g / 2 for g in row] for row in W] for W in weight_grads], bias_grads
        Network.gradients = half_gradients
        try:
            self.assertGreater(gradient_check(net, [0.5, 0.8], 1), 0.4)
        finally:
            Network.gradients = original

    def test_gradient_check_leaves_the_network_exactly_as_it_was(self):
        net = Network([2, 3, 1], seed=4)
        before = json.dumps(net.to_dict())
        numerical_gradients(net, [0.1, 0.9], [0.3])
        self.assertEqual(json.dumps(net.to_dict()), before)

    def test_xor_is_learned_for_most_seeds(self):
        learned = 0
        for seed in range(20):
            net = Network(DEMO_SIZES, seed=seed)
            net.train(XOR_X, XOR_Y, epochs=DEMO_EPOCHS, learning_rate=DEMO_RATE)
            learned += xor_is_learned(net)
        self.assertGreaterEqual(learned, 18)

    def test_a_linear_network_cannot_learn_xor(self):
        # Exercise 1: without a bend between layers the network is one
        # straight line, and XOR is not on one side of a line.
        for seed in range(5):
            net = Network(DEMO_SIZES, activation="linear", seed=seed)
            net.train(XOR_X, XOR_Y, epochs=300, learning_rate=0.05)
            self.assertFalse(xor_is_learned(net))
            # The best line predicts 0.5 everywhere: a loss of 0.25.
            self.assertGreater(net.loss(XOR_X, XOR_Y), 0.24)

    def test_learning_rate_zero_changes_nothing(self):
        # Exercise 2: weights that never change give the same predictions.
        net = Network(DEMO_SIZES, seed=2)
        before = [net.forward(x) for x in XOR_X]
        losses = net.train(XOR_X, XOR_Y, epochs=50, learning_rate=0.0)
        self.assertEqual([net.forward(x) for x in XOR_X], before)
        for loss in losses:       # equal but for the order of adding up
            self.assertAlmostEqual(loss, losses[0], places=15)

    def test_training_lowers_the_loss(self):
        net = Network(DEMO_SIZES, seed=0)
        losses = net.train(XOR_X, XOR_Y, epochs=200, learning_rate=DEMO_RATE)
        self.assertEqual(len(losses), 200)
        self.assertLess(losses[-1], losses[0])
        self.assertEqual(net.history, losses)

    def test_the_epoch_loss_is_the_mean_loss_before_each_step(self):
        net = Network([2, 3, 1], seed=8)
        copy = Network.from_dict(net.to_dict())
        losses_seen = []
        for x, y in zip(XOR_X, XOR_Y):
            losses_seen.append(copy.loss([x], [y]))
            copy.train([x], [y], epochs=1, learning_rate=0.7)
        [epoch_loss] = net.train(XOR_X, XOR_Y, epochs=1, learning_rate=0.7, shuffle=False)
        self.assertAlmostEqual(epoch_loss, sum(losses_seen) / 4, places=15)
        self.assertEqual(net.weights, copy.weights)

    def test_a_full_batch_step_follows_the_average_gradient(self):
        net = Network([2, 3, 1], seed=3)
        grads = [net.gradients(x, y) for x, y in zip(XOR_X, XOR_Y)]
        expected = [[[w - 0.4 * sum(g[0][l][j][k] for g in grads) / 4 for k, w in enumerate(row)]
                     for j, row in enumerate(W)] for l, W in enumerate(net.weights)]
        expected_b = [[b - 0.4 * sum(g[1][l][j] for g in grads) / 4 for j, b in enumerate(B)]
                      for l, B in enumerate(net.biases)]
        net.train(XOR_X, XOR_Y, epochs=1, learning_rate=0.4, batch_size=4)
        for got, want in zip(flat(net.weights) + flat(net.biases), flat(expected) + flat(expected_b)):
            self.assertAlmostEqual(got, want, places=15)

    def test_a_batch_larger_than_the_data_is_one_full_batch(self):
        a, b = Network([2, 3, 1], seed=3), Network([2, 3, 1], seed=3)
        a.train(XOR_X, XOR_Y, epochs=3, learning_rate=0.4, batch_size=4)
        b.train(XOR_X, XOR_Y, epochs=3, learning_rate=0.4, batch_size=1000)
        self.assertEqual(a.weights, b.weights)

    def test_training_in_stretches_equals_one_long_run(self):
        a, b = Network([2, 3, 1], seed=6), Network([2, 3, 1], seed=6)
        whole = a.train(XOR_X, XOR_Y, epochs=30)
        pieces = b.train(XOR_X, XOR_Y, epochs=10) + b.train(XOR_X, XOR_Y, epochs=20)
        self.assertEqual(whole, pieces)
        self.assertEqual(a.weights, b.weights)
        self.assertEqual(b.history, pieces)

    def test_training_is_reproducible_and_shuffling_matters(self):
        runs = []
        for shuffle in (True, True, False):
            net = Network([2, 3, 1], seed=11)
            runs.append(net.train(XOR_X, XOR_Y, epochs=20, learning_rate=1.0, shuffle=shuffle))
        self.assertEqual(runs[0], runs[1])
        self.assertNotEqual(runs[0], runs[2])

    def test_training_data_is_not_changed(self):
        X = [[0.0, 0.0], [0.0, 1.0], (1.0, 0.0), [1, 1]]
        Y = [[0.0], 1.0, [1.0], (0,)]
        X_copy, Y_copy = json.dumps(X), json.dumps(Y)
        Network([2, 3, 1]).train(X, Y, epochs=20, batch_size=2)
        Network([2, 3, 1]).train(X, Y, epochs=20)
        self.assertEqual((json.dumps(X), json.dumps(Y)), (X_copy, Y_copy))

    def test_iterators_are_read_once_and_fully(self):
        a, b = Network([2, 3, 1], seed=2), Network([2, 3, 1], seed=2)
        a.train(iter(XOR_X), (y for y in XOR_Y), epochs=30)
        b.train(XOR_X, XOR_Y, epochs=30)
        self.assertEqual(a.weights, b.weights)

    def test_other_activations_train_xor(self):
        net = Network(DEMO_SIZES, activation="tanh", output_activation="sigmoid", seed=0)
        net.train(XOR_X, XOR_Y, epochs=1000, learning_rate=0.5)
        self.assertTrue(xor_is_learned(net))
        self.assertEqual(repr(net), "Network([2, 4, 1], activation='tanh', seed=0, "
                                    "output_activation='sigmoid')")


class TestSaveAndLoad(unittest.TestCase):
    def test_json_round_trip_is_exact(self):
        net = Network([2, 5, 3, 2], activation="tanh", output_activation="sigmoid", seed=4)
        net.train([[0.1, 0.2], [0.3, 0.9]], [[1, 0], [0, 1]], epochs=25)
        copy = Network.from_dict(json.loads(json.dumps(net.to_dict())))
        self.assertEqual(copy.to_dict(), net.to_dict())
        for x in ([0.1, 0.2], [0.77, -3.0]):
            self.assertEqual(copy.forward(x), net.forward(x))

    def test_to_dict_is_a_copy(self):
        net = Network([2, 1])
        data = net.to_dict()
        data["weights"][0][0][0] = 99.0
        self.assertNotEqual(net.weights[0][0][0], 99.0)


class TestDivergence(unittest.TestCase):
    def test_a_diverging_run_stops_with_a_clear_error_and_finite_weights(self):
        net = Network(DEMO_SIZES, activation="linear", seed=0)
        X = [list(x) for x in XOR_X]
        with self.assertRaises(DivergenceError) as caught:
            net.train(X, XOR_Y, epochs=200, learning_rate=10.0)
        message = str(caught.exception)
        self.assertIn("epoch %d" % caught.exception.epoch, message)
        self.assertIn("smaller learning_rate", message)
        self.assertTrue(all(math.isfinite(v) for v in flat(net.weights) + flat(net.biases)))
        self.assertTrue(all(math.isfinite(net.forward(x)[0]) for x in XOR_X))
        self.assertEqual(len(net.history), caught.exception.epoch - 1)
        self.assertEqual(X, XOR_X)

    def test_the_weights_are_those_from_before_the_failing_epoch(self):
        net = Network(DEMO_SIZES, activation="linear", seed=0)
        twin = Network(DEMO_SIZES, activation="linear", seed=0)
        with self.assertRaises(DivergenceError) as caught:
            net.train(XOR_X, XOR_Y, epochs=200, learning_rate=10.0)
        twin.train(XOR_X, XOR_Y, epochs=caught.exception.epoch - 1, learning_rate=10.0)
        self.assertEqual(net.weights, twin.weights)
        self.assertEqual(net.biases, twin.biases)

    def test_an_interrupt_leaves_whole_epochs_and_keeps_the_history(self):
        net = Network([2, 3, 1], seed=1)
        twin = Network([2, 3, 1], seed=1)
        twin.train(XOR_X, XOR_Y, epochs=2)
        original = scratchnn._backpropagate
        calls = []

        def interrupted(*args):
            calls.append(1)
            if len(calls) == 10:          # the middle of epoch 3
                raise KeyboardInterrupt
            return original(*args)
        scratchnn._backpropagate = interrupted
        try:
            with self.assertRaises(KeyboardInterrupt):
                net.train(XOR_X, XOR_Y, epochs=5)
        finally:
            scratchnn._backpropagate = original
        self.assertEqual(net.history, twin.history)
        self.assertEqual(net.weights, twin.weights)
        self.assertEqual(net.biases, twin.biases)


def readme_contract_rows():
    """The rows of README's bad-input table: (code, outcome)."""
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as readme:
        text = readme.read()
    section = text.split("## Bad input: what you get")[1].split("\n## ")[0]
    rows = []
    for line in section.splitlines():
        if line.startswith("| `"):
            code, outcome = line.strip("| ").split("` | ", 1)
            rows.append((code.lstrip("`"), outcome.rstrip(" |")))
    return rows


class TestBadInputContract(unittest.TestCase):
    """Every row of README's table, run: the error type and the words it shows."""

    def namespace(self):
        names = dict((name, getattr(scratchnn, name)) for name in scratchnn.__all__)
        net = Network([2, 3, 1])
        names.update(net=net, X=[list(x) for x in XOR_X], Y=list(XOR_Y), saved=net.to_dict())
        return names

    def test_the_table_is_there(self):
        self.assertGreaterEqual(len(readme_contract_rows()), 40)

    def test_every_row(self):
        for code, outcome in readme_contract_rows():
            with self.subTest(code=code):
                names = self.namespace()
                X, Y = json.dumps(names["X"]), json.dumps(names["Y"])
                if outcome.startswith("works"):
                    eval(code, names)                 # must not raise
                else:
                    error_name, words = outcome.split(": ", 1)
                    error_type = {"`ValueError`": ValueError, "`TypeError`": TypeError,
                                  "`DivergenceError`": DivergenceError}[error_name.split(" ")[0]]
                    with self.assertRaises(error_type) as caught:
                        eval(code, names)
                    self.assertIn(words, str(caught.exception))
                # The data passed is never changed, whatever happened.
                self.assertEqual((json.dumps(names["X"]), json.dumps(names["Y"])), (X, Y))


def random_case(generator, case):
    """A random network (1 to 4 layers of 1 to 8 units, any activations) with an input and target."""
    names = sorted(ACTIVATIONS)
    sizes = [1 + generator.next_int() % 8 for _ in range(2 + generator.next_int() % 4)]
    activation = names[generator.next_int() % 4]
    output = names[generator.next_int() % 4]
    net = Network(sizes, activation=activation, output_activation=output, seed=case)
    for b in net.biases:
        for j in range(len(b)):
            b[j] = generator.uniform(-1.0, 1.0)
    x = [generator.uniform(-2.0, 2.0) for _ in range(sizes[0])]
    low, high = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0), "relu": (0.0, 2.0),
                 "linear": (-2.0, 2.0)}[output]
    y = [generator.uniform(low, high) for _ in range(sizes[-1])]
    return net, x, y


class TestProperties(unittest.TestCase):
    """Random networks from a fixed seed: the same few hundred cases on every run."""
    CASES = 300

    def cases(self):
        generator = SplitMix64(2026)
        return [random_case(generator, case) for case in range(self.CASES)]

    def test_backpropagation_agrees_with_finite_differences(self):
        for net, x, y in self.cases():
            with self.subTest(net=net, x=x, y=y):
                self.assertLess(gradient_check(net, x, y), 1e-6)

    def test_forward_gives_finite_outputs_of_the_right_length(self):
        generator = SplitMix64(7)
        for net, x, _ in self.cases():
            for scale in (1.0, 1e3, 1e6):
                outputs = net.forward([scale * v for v in x])
                self.assertEqual(len(outputs), net.sizes[-1])
                self.assertTrue(all(math.isfinite(o) for o in outputs), (net, x, scale))
            self.assertTrue(all(math.isfinite(o) for o in
                                net.forward([generator.uniform(-1e6, 1e6) for _ in x])))

    def test_json_round_trip_is_exact(self):
        for net, x, _ in self.cases():
            copy = Network.from_dict(json.loads(json.dumps(net.to_dict())))
            self.assertEqual(copy.to_dict(), net.to_dict())
            self.assertEqual(copy.forward(x), net.forward(x))

    def test_a_small_step_never_raises_the_loss_of_its_sample(self):
        for net, x, y in self.cases():
            before = net.loss([x], [y])
            net.train([x], [y], epochs=1, learning_rate=1e-4)
            self.assertLessEqual(net.loss([x], [y]), before + 1e-15 * max(1.0, before))


class TestNumericalRange(unittest.TestCase):
    """Activations, slopes and the loss across the whole range of floats."""

    def magnitudes(self):
        values = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e308, -1e308,
                  1.7976931348623157e308, -1.7976931348623157e308]
        for exponent in range(-320, 309, 7):
            values += [10.0 ** exponent, -(10.0 ** exponent)]
        return values

    def test_activations_and_slopes_are_finite_and_in_range(self):
        for z in self.magnitudes():
            with self.subTest(z=z):
                s, t = sigmoid(z), tanh(z)
                self.assertTrue(0.0 <= s <= 1.0 and -1.0 <= t <= 1.0)
                self.assertAlmostEqual(s + sigmoid(-z), 1.0, places=15)
                self.assertEqual(t, -tanh(-z))
                self.assertTrue(0.0 <= sigmoid_derivative(z) <= 0.25)
                self.assertTrue(0.0 <= tanh_derivative(z) <= 1.0)
                self.assertTrue(0.0 <= sigmoid_derivative_from_output(s) <= 0.25)
                self.assertTrue(0.0 <= tanh_derivative_from_output(t) <= 1.0)
                self.assertEqual(relu(z), z if z > 0 else 0.0)
                for f in (relu_derivative, linear_derivative):
                    self.assertIn(f(z), (0.0, 1.0))

    def test_sigmoid_and_tanh_rise_with_z(self):
        values = sorted(self.magnitudes())
        for a, b in zip(values, values[1:]):
            self.assertLessEqual(sigmoid(a), sigmoid(b))
            self.assertLessEqual(tanh(a), tanh(b))

    def test_the_loss_never_raises_for_finite_numbers(self):
        for z in self.magnitudes():
            value = mse([z, 0.5], [0.25, -z])
            self.assertTrue(value >= 0.0)              # inf at worst, never an exception
            self.assertTrue(math.isfinite(mse(sigmoid(z), 1.0)))

    def test_training_on_inputs_of_a_million(self):
        X = [[1e6 * a, 1e6 * b] for a, b in XOR_X]
        for activation in sorted(ACTIVATIONS):
            net = Network([2, 4, 1], activation=activation, output_activation="sigmoid", seed=1)
            with self.subTest(activation=activation):
                try:
                    losses = net.train(X, XOR_Y, epochs=20, learning_rate=0.5)
                    self.assertTrue(all(math.isfinite(loss) for loss in losses))
                except DivergenceError as error:
                    self.assertIn("smaller learning_rate", str(error))
                self.assertTrue(all(math.isfinite(v) for v in flat(net.weights)))
            linear = Network([2, 4, 1], activation="linear", output_activation="linear", seed=1)
            with self.assertRaises(DivergenceError):
                linear.train(X, XOR_Y, epochs=20, learning_rate=0.5)


class TestNoHiddenEffects(unittest.TestCase):
    def test_nothing_is_printed_unless_asked(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            net = Network([2, 3, 1], seed=2)
            net.train(XOR_X, XOR_Y, epochs=30, batch_size=2)
            gradient_check(net, [0.1, 0.2], 1)
            Network.from_dict(json.loads(json.dumps(net.to_dict()))).loss(XOR_X, XOR_Y)
            loss_chart(net.history)
            decision_map(net)
            walkthrough()
        self.assertEqual(out.getvalue(), "")

    def test_no_eval_exec_pickle_files_or_dynamic_imports(self):
        import ast
        with open(scratchnn.__file__, encoding="utf-8") as source:
            tree = ast.parse(source.read())
        called = set(node.func.id for node in ast.walk(tree)
                     if isinstance(node, ast.Call) and isinstance(node.func, ast.Name))
        self.assertFalse(called & {"eval", "exec", "compile", "__import__", "open", "input"})
        imported = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                imported.add(node.module)
        self.assertEqual(imported, {"math", "operator", "sys", "argparse"})

    def test_training_memory_grows_only_with_the_history(self):
        def data(repeat):
            return ([[a, b] for _ in range(repeat) for a, b in XOR_X],
                    [[y] for _ in range(repeat) for y in XOR_Y])

        def peak(epochs, repeat):
            X, Y = data(repeat)
            net = Network([2, 4, 1], seed=0)
            tracemalloc.start()
            net.train(X, Y, epochs=epochs)
            used = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            return used

        try:
            import tracemalloc
        except ImportError:
            # PyPy has no tracemalloc: check instead that the network keeps
            # nothing from training but its history.
            net = Network([2, 4, 1], seed=0)
            before = sorted(vars(net))
            net.train(XOR_X * 100, XOR_Y * 100, epochs=50)
            self.assertEqual(sorted(vars(net)), before)
            self.assertEqual(len(net.history), 50)
            return
        # 200 more epochs cost only their 200 losses (about 40 bytes each).
        self.assertLess(peak(210, 2) - peak(10, 2), 200 * 100)
        # 900 more samples cost less than the samples themselves: measured
        # here as the memory the extra data occupies.
        tracemalloc.start()
        extra = data(225)
        data_size = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        self.assertEqual(len(extra[0]), 900)
        self.assertLess(peak(2, 227) - peak(2, 2), data_size)


class Terminal(io.StringIO):
    """Captured output that says it is a terminal."""

    def isatty(self):
        return True


class AsciiOnly(io.StringIO):
    """Captured output with an encoding that has no block characters."""
    encoding = "ascii"


def run_main(argv, stdout=None):
    """(exit status, what main printed, what went to stderr) for the given options."""
    out = stdout if stdout is not None else io.StringIO()
    err = io.StringIO()
    status = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit:
            status = exit.code
    return status, out.getvalue(), err.getvalue()


class TestDemo(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.status, cls.output, _ = run_main([])

    def test_default_run_succeeds_and_shows_every_part(self):
        self.assertEqual(self.status, 0)
        for heading in ("Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Step 6", "Step 7",
                        "the loss, epoch by epoch", "prediction", "x2 1"):
            self.assertIn(heading, self.output)

    def test_readme_shows_this_very_output(self):
        with open(os.path.join(HERE, "README.md"), encoding="utf-8") as readme:
            text = readme.read()
        block = text.split("This is a real run, copied as it was printed:")[1].split("```")[1]
        self.assertEqual(block.strip("\n"), self.output.strip("\n"))
        excerpt = text.split("--no-train`, first steps):")[1].split("```")[1]
        self.assertIn(excerpt.strip("\n"), run_main(["--bias", "2", "--no-train"])[1])

    def test_walkthrough_shows_the_lesson_numbers(self):
        a = 1.0 / (1.0 + math.exp(-0.96))
        dz = 2.0 * (a - 1.0) * a * (1.0 - a)
        w0, w1, b = 0.4 - 0.5 * dz * 0.5, 0.7 - 0.5 * dz * 0.8, 0.2 - 0.5 * dz
        new_loss = (1.0 - 1.0 / (1.0 + math.exp(-(0.5 * w0 + 0.8 * w1 + b)))) ** 2
        for text in ("= 0.96", "= 0.723122", "= 0.0766615", "%.7f" % (dz * 0.5),
                     "%.7f" % (dz * 0.8), "%.7f" % dz, "-> %.6f" % w0, "-> %.6f" % b,
                     "from 0.0766615 to %.6g" % new_loss, "(they agree)"):
            self.assertIn(text, self.output)
        self.assertEqual(self.output.count("-0.0554356"), 2)    # chain rule and nudging

    def test_all_four_xor_predictions_are_right(self):
        rows = [line for line in self.output.splitlines() if line.rstrip().endswith(("right", "wrong"))]
        self.assertEqual(len(rows), 4)
        self.assertTrue(all(row.endswith("right") for row in rows))

    def test_progress_outside_a_terminal_is_a_few_clean_lines(self):
        self.assertNotIn("\r", self.output)
        progress = [line for line in self.output.splitlines() if "of 1000" in line]
        self.assertEqual([line.split()[1] for line in progress], ["200", "400", "600", "800", "1000"])

    def test_progress_on_a_terminal_is_updated_in_place(self):
        status, output, _ = run_main(["--no-lesson"], stdout=Terminal())
        self.assertEqual(status, 0)
        self.assertEqual(output.count("\r"), 50)
        self.assertIn("epoch 1000 of 1000", output)
        self.assertNotIn("\r", output.split("epoch 1000 of 1000")[1])

    def test_quiet_shows_no_progress(self):
        _, output, _ = run_main(["--no-lesson", "--quiet"])
        self.assertNotIn(" of 1000", output)

    def test_block_characters_or_ascii(self):
        self.assertIn("\u2588", self.output)
        for argv, stdout in ((["--ascii"], None), ([], AsciiOnly())):
            _, output, _ = run_main(argv, stdout)
            output.encode("ascii")            # raises if anything is not ASCII
            self.assertIn("#", output)

    def test_mini_practice_options_change_the_numbers(self):
        status, output, _ = run_main(["--inputs", "1", "0", "0.5", "--weights", "0.3", "-0.2", "0.9",
                                      "--bias", "2", "--label", "0", "--no-train"])
        a = 1.0 / (1.0 + math.exp(-2.75))
        self.assertEqual(status, 0)
        self.assertIn("= 2.75", output)
        self.assertIn("= %.6g" % a, output)
        self.assertIn("loss = (0 - %.6g)^2 = %.6g" % (a, a * a), output)
        self.assertIn("dL/dw3", output)
        self.assertNotIn("Step 7", output)

    def test_training_options(self):
        status, output, _ = run_main(["--no-lesson", "--hidden", "3", "--activation", "tanh",
                                      "--learning-rate", "0.5", "--epochs", "40", "--seed", "7"])
        self.assertEqual(status, 0)
        self.assertNotIn("Step 1", output)
        self.assertIn("3 hidden units (tanh)", output)
        self.assertIn("learning rate 0.5", output)
        self.assertIn("epoch 40 of 40", output)
        self.assertIn("epoch 1 to 40", output)

    def test_exercise_1_from_the_command_line(self):
        _, output, _ = run_main(["--no-lesson", "--activation", "linear", "--learning-rate", "0.1"])
        self.assertIn("wrong", output)

    def test_bad_options_exit_with_status_2_and_a_message(self):
        cases = [
            (["--inputs", "1", "2", "3", "--weights", "1", "2"], "3 inputs but 2 weights"),
            (["--bias", "nan"], "expected a finite number"),
            (["--label", "abc"], "expected a finite number"),
            (["--epochs", "0"], "expected a whole number of 1 or more"),
            (["--hidden", "2.5"], "expected a whole number of 1 or more"),
            (["--activation", "softmax"], "invalid choice"),
            (["--learning-rate", "-1"], "must be 0 or more"),
            (["--label", "255"], "--label must be between 0 and 1"),
            (["--seed", "x"], "invalid int value"),
            (["--inputs"], "expected at least one argument"),
            (["--colour"], "unrecognized arguments"),
        ]
        for argv, message in cases:
            with self.subTest(argv=argv):
                status, output, errors = run_main(argv)
                self.assertEqual(status, 2)
                self.assertIn("error:", errors)
                self.assertIn(message, errors)
                self.assertEqual(output, "")

    def test_help_reads_well(self):
        status, output, _ = run_main(["--help"])
        self.assertEqual(status, 0)
        for text in ("usage: scratchnn.py", "--inputs", "--learning-rate", "examples:"):
            self.assertIn(text, output)

    def test_without_argparse_the_default_lesson_runs(self):
        saved = sys.modules.get("argparse")
        sys.modules["argparse"] = None         # what MicroPython and Skulpt have: none
        try:
            status, output, _ = run_main(["--bias", "3"])
        finally:
            sys.modules["argparse"] = saved
        self.assertEqual(status, 0)
        self.assertIn("options are ignored", output)
        self.assertIn("= 0.96", output)


class TestPictures(unittest.TestCase):
    def test_loss_chart_runs_from_the_first_loss_to_the_last(self):
        losses = [1.0 / (epoch + 1) for epoch in range(300)]
        lines = loss_chart(losses, height=4, width=30).splitlines()
        self.assertEqual(len(lines), 6)
        self.assertTrue(lines[0].startswith(" 1.0000"))
        self.assertTrue(lines[3].startswith(" %.4f" % (1.0 / 300)))
        bottom = lines[3].split("\u2502")[1]
        self.assertEqual((len(bottom), bottom.count(" ")), (30, 0))       # every column shows
        self.assertIn("epoch 1 to 300", lines[5])
        self.assertEqual(lines[0].split("\u2502")[1], "\u2588")       # only the first column is full

    def test_loss_chart_of_a_flat_or_short_curve(self):
        self.assertIn("0.2500", loss_chart([0.25] * 10))
        self.assertIn("epoch 1 to 1", loss_chart([0.5]))

    def test_loss_chart_bad_input(self):
        with self.assertRaisesRegex(ValueError, "losses is empty"):
            loss_chart([])
        with self.assertRaisesRegex(TypeError, r"losses\[1\] must be a number"):
            loss_chart([0.5, "x"])
        with self.assertRaisesRegex(ValueError, "height must be at least 1"):
            loss_chart([0.5], height=0)

    def test_decision_map_marks_the_samples_and_shades_the_output(self):
        net = Network([2, 1])
        net.weights, net.biases = [[[0.0, 20.0]]], [[-10.0]]      # "is x2 above 0.5?"
        lines = decision_map(net, width=5, height=5, X=XOR_X, Y=XOR_Y, ascii=True).splitlines()
        self.assertEqual(lines[0], "x2 1 |1###0|")
        self.assertEqual(lines[2], "     |-----|")                   # the boundary, output 0.5
        self.assertEqual(lines[4], "   0 |0   1|")

    def test_decision_map_needs_two_inputs_and_one_output(self):
        with self.assertRaisesRegex(ValueError, "2 inputs and 1 output"):
            decision_map(Network([3, 1]))
        with self.assertRaisesRegex(TypeError, "network must be a Network"):
            decision_map("net")

    def test_prediction_table(self):
        net = Network([2, 1])
        net.weights, net.biases = [[[0.0, 20.0]]], [[-10.0]]
        rows = prediction_table(net, XOR_X, XOR_Y).splitlines()
        self.assertEqual(len(rows), 5)
        # x2 decides: right for [0, 0] and [0, 1], wrong for [1, 0] and [1, 1].
        self.assertEqual([row.split()[-1] for row in rows[1:]], ["right", "right", "wrong", "wrong"])

    def test_walkthrough_rejects_mismatched_weights(self):
        with self.assertRaisesRegex(ValueError, "weights has 2 values, expected 3"):
            walkthrough([1, 2, 3], [1, 2])


def load_tests(loader, tests, ignore):
    """Add the doctests of scratchnn.py, the tour in examples.txt and README's examples."""
    tests.addTests(doctest.DocTestSuite(scratchnn))
    for name in ("examples.txt", "README.md"):
        tests.addTests(doctest.DocFileSuite(os.path.join(HERE, name), module_relative=False))
    return tests


if __name__ == "__main__":
    unittest.main()
