"""The pure NumPy engine: activations, losses, the MLP, optimizers, trainer and checks.

Scripting example::

    from nnviz.engine import MLP, make_optimizer
    net = MLP([2, 4, 1], activation="tanh", output="sigmoid", seed=0)
    opt = make_optimizer("sgd", net.params, lr=0.1)
    loss, grads = net.loss_and_grads(X, y, loss="log")
    opt.step(grads)
"""

from nnviz.engine.activations import ACTIVATIONS, Activation, get_activation, sigmoid, softmax
from nnviz.engine.batched import forward_many, loss_many, unflatten_many
from nnviz.engine.features import (
    DEFAULT_FEATURES,
    FEATURES,
    feature_matrix,
    polynomial_features,
)
from nnviz.engine.gradcheck import check_gradients, numerical_gradient, relative_error
from nnviz.engine.history import History
from nnviz.engine.initializers import INITIALIZERS
from nnviz.engine.losses import LOSSES, get_loss, log_loss_from_probability
from nnviz.engine.metrics import accuracy, predict_classes, zero_one_loss
from nnviz.engine.mlp import MLP, ForwardRecord
from nnviz.engine.optimizers import OPTIMIZERS, Optimizer, make_optimizer
from nnviz.engine.perceptron import Perceptron, perceptron_predict
from nnviz.engine.problem import Problem
from nnviz.engine.trainer import StepEvent, TrainConfig, Trainer, TrainingError

__all__ = [
    "ACTIVATIONS",
    "Activation",
    "DEFAULT_FEATURES",
    "FEATURES",
    "ForwardRecord",
    "History",
    "INITIALIZERS",
    "LOSSES",
    "MLP",
    "OPTIMIZERS",
    "Optimizer",
    "Perceptron",
    "Problem",
    "StepEvent",
    "TrainConfig",
    "Trainer",
    "TrainingError",
    "accuracy",
    "check_gradients",
    "feature_matrix",
    "forward_many",
    "get_activation",
    "get_loss",
    "log_loss_from_probability",
    "loss_many",
    "make_optimizer",
    "numerical_gradient",
    "perceptron_predict",
    "polynomial_features",
    "predict_classes",
    "relative_error",
    "sigmoid",
    "softmax",
    "unflatten_many",
    "zero_one_loss",
]
