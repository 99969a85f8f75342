"""The op-level computation graph: parse formulas, trace one example, walk its steps."""

from nnviz.graph.examples import EXAMPLES, WorkedExample
from nnviz.graph.explainer import Explainer, TracedExample
from nnviz.graph.gradcheck import LeafCheck, gradcheck
from nnviz.graph.graph import Backward, Graph, Node
from nnviz.graph.layout import columns, layout, matrix_summary
from nnviz.graph.ops import OPS, Op
from nnviz.graph.parser import FormulaError, parse
from nnviz.graph.stepper import MemoEntry, Stepper, StepperState
from nnviz.graph.steps import BackwardStep, Contribution, EdgeGrad, ForwardStep, Step, Steps
from nnviz.graph.text import fmt
from nnviz.graph.trace import graph_param_grads, trace_example

__all__ = [
    "OPS",
    "EXAMPLES",
    "Backward",
    "BackwardStep",
    "Contribution",
    "EdgeGrad",
    "Explainer",
    "FormulaError",
    "ForwardStep",
    "Graph",
    "LeafCheck",
    "MemoEntry",
    "Node",
    "Op",
    "WorkedExample",
    "Step",
    "Stepper",
    "StepperState",
    "Steps",
    "TracedExample",
    "columns",
    "fmt",
    "gradcheck",
    "graph_param_grads",
    "layout",
    "matrix_summary",
    "parse",
    "trace_example",
]
