"""The training state machine behind the app: applies commands, trains, makes snapshots.

The lab holds one copy of the user's data and one or more runs over it (``nnviz.run``); the
live playground is a run of one. Pure Python + NumPy, so everything the training process does
is tested without Qt.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from nnviz import commands as cmd
from nnviz.data.limits import shown
from nnviz.engine.features import feature_matrix
from nnviz.engine.likelihood import data_likelihood
from nnviz.engine.linear_collapse import collapse_summary
from nnviz.engine.mlp import MLP
from nnviz.engine.probability_contours import snapshot_contours
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import StepEvent, TrainConfig, Trainer, check_slopes
from nnviz.lab_fit import check_data, fit_config_to_spec, fit_spec_to_data, task_name
from nnviz.plane_pictures import PlanePictures
from nnviz.run import Run, check_network
from nnviz.snapshot import Snapshot, frozen, frozen_all
from nnviz.text import _, set_language

# Events after which training pauses: nothing to train on, blown up, or stopped early.
STOPS = ("diverged", "idle", "stopped")


class Lab:
    """Owns the network, the data copy and the trainer; everything changes through ``apply``."""

    def __init__(
        self,
        data: cmd.DataArrays,
        spec: NetworkSpec | None = None,
        config: TrainConfig | None = None,
        grid_resolution: int = 100,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.data = data
        spec = fit_spec_to_data(spec or NetworkSpec(), data)
        config = fit_config_to_spec(config or TrainConfig(), spec, data.kind)
        self.plane = PlanePictures(grid_resolution)  # every neuron's picture of the plane
        self.clock = clock
        self.playing = False
        self.epochs_per_second: float | None = None
        self.stop_at_epoch: int | None = None
        self.event, self.message = "", ""
        self._seq = 0
        self.token = 0  # the last RequestSnapshot's token, echoed in every snapshot
        self.contours_wanted: bool | None = None  # ShowProbabilityContours: None = the default
        self.runs = [Run(spec, config, *self._feature_data(spec), clock)]

    # ----- the live run ----------------------------------------------------------------------
    @property
    def run(self) -> Run:
        """The live run: the network the playground shows and the user edits."""
        return self.runs[0]

    @property
    def net(self) -> MLP:
        """The live run's network."""
        return self.run.net

    @property
    def trainer(self) -> Trainer:
        """The live run's trainer."""
        return self.run.trainer

    @property
    def spec(self) -> NetworkSpec:
        """The live run's architecture."""
        return self.run.spec

    @property
    def config(self) -> TrainConfig:
        """The live run's training settings."""
        return self.run.config

    # ----- commands --------------------------------------------------------------------------
    def apply(self, command: cmd.Command) -> None:
        """Apply one command. Invalid input raises ValueError and changes nothing."""
        handler = getattr(self, f"_on_{type(command).__name__}", None)
        if handler is None:
            raise ValueError(_("unknown command {name}", name=type(command).__name__))
        handler(command)

    def _on_Play(self, c: cmd.Play) -> None:
        self.run.check_trainable()  # e.g. a step network by gradients: say why, change nothing
        self.playing = True
        self.event, self.message = "", ""

    def _on_Pause(self, c: cmd.Pause) -> None:
        self.playing = False
        self.stop_at_epoch = None

    def _on_RunEpochs(self, c: cmd.RunEpochs) -> None:
        if int(c.epochs) < 0:
            raise ValueError(_("the number of epochs cannot be negative"))
        if int(c.epochs):
            self.run.check_trainable()
        self.stop_at_epoch = self.trainer.epoch + int(c.epochs)
        self.playing = self.trainer.epoch < self.stop_at_epoch

    def _on_TrainEpochs(self, c: cmd.TrainEpochs) -> None:
        epochs = int(c.epochs)
        if not 0 <= epochs <= 100_000:
            raise ValueError(_("train 0 to 100000 epochs at once"))
        if epochs:
            self.run.check_trainable()
        self.playing, self.stop_at_epoch = False, None
        target = self.trainer.epoch + epochs
        while self.trainer.epoch < target:
            event = self._next_event()
            if event.kind in STOPS:
                return

    def _on_StepEpoch(self, c: cmd.StepEpoch) -> None:
        self.run.check_trainable()
        self.playing = False
        self.run.remember()
        self._train_until(lambda e: e.kind == "epoch")

    def _on_StepBatch(self, c: cmd.StepBatch) -> None:
        self.run.check_trainable()
        self.playing = False
        self.run.remember()
        self._train_until(lambda e: e.kind == "batch")

    def _on_StepBack(self, c: cmd.StepBack) -> None:
        self.playing = False
        self.run.step_back()
        t = self.trainer
        self._say(
            "info", _("Stepped back to epoch {epoch}, step {step}.", epoch=t.epoch, step=t.step)
        )

    def _on_Reset(self, c: cmd.Reset) -> None:
        spec = self.spec if c.seed is None else self.spec.with_(seed=int(c.seed))
        self.run.spec = spec
        self._rebuild(spec.build())
        if self.run.rule is not None:
            self._say(
                "reset",
                _(
                    "Reset: the perceptron starts again from w = 0; seed {seed} sets the "
                    "order the points are visited in.",
                    seed=spec.seed,
                ),
            )
            return
        self._say("reset", _("Reset: the parameters were re-randomised."))

    def _on_SetConfig(self, c: cmd.SetConfig) -> None:
        config = fit_config_to_spec(c.config, self.spec, self.data.kind)
        self.run.set_config(config)  # validates first; raises before changing anything

    def _on_SetSpec(self, c: cmd.SetSpec) -> None:
        spec = fit_spec_to_data(c.spec, self.data)
        if spec == self.spec:
            return  # the same network (e.g. a preset with this architecture): keep its weights
        config = fit_config_to_spec(self.config, spec, self.data.kind)
        net = spec.build()
        check_network(net, config)  # validates (a step network is built; training it is not)
        self.run.spec, self.run.config = spec, config
        self._rebuild(net)
        self._say(
            "rebuilt",
            _("The architecture changed, so the network was rebuilt with fresh random weights."),
        )

    def _on_SetData(self, c: cmd.SetData) -> None:
        old, new = self.data, c.data
        check_data(new)
        same_task = (old.kind, old.n_classes, old.dim) == (new.kind, new.n_classes, new.dim)
        self.data = new
        if same_task:
            for run in self.runs:  # live: the weights stay
                run.set_data(*self._feature_data(run.spec))
            return
        self.run.spec = fit_spec_to_data(self.spec, new)
        self.run.config = fit_config_to_spec(self.config, self.spec, new.kind)
        self._rebuild(self.spec.build())
        self._say(
            "rebuilt",
            _(
                "The data is now {task}, so the network was rebuilt "
                "with {n_outputs} {output} output(s).",
                task=task_name(new),
                n_outputs=self.spec.n_outputs,
                output=self.spec.output,
            ),
        )

    def _on_SetParam(self, c: cmd.SetParam) -> None:
        params = self.net.params
        if not 0 <= c.param_index < len(params):
            raise ValueError(
                _("there is no parameter array {param_index}", param_index=c.param_index)
            )
        if not np.isfinite(c.value):
            raise ValueError(_("a weight must be a finite number"))
        try:
            params[c.param_index][tuple(c.index)] = float(c.value)
        except (IndexError, TypeError):
            raise ValueError(
                _("index {index} is outside that parameter array", index=c.index)
            ) from None

    def _on_SetParams(self, c: cmd.SetParams) -> None:
        params = self.net.params
        if len(c.params) != len(params) or any(
            np.shape(v) != p.shape or not np.all(np.isfinite(v))
            for v, p in zip(c.params, params, strict=True)
        ):
            raise ValueError(_("those parameters do not fit this network"))
        epoch = c.epoch
        whole = isinstance(epoch, int | np.integer) and not isinstance(epoch, bool)
        if epoch is not None and not (whole and epoch >= 0):
            raise ValueError(_("the epoch must be a whole number from 0 up"))
        if epoch is not None:  # a restored run: its epoch, a fresh optimizer, no step back
            self._rebuild(self.net)
            self.trainer.epoch = int(epoch)
        self.net.set_params(c.params)
        if c.reason:
            self._say("info", c.reason)

    def _on_ExampleStep(self, c: cmd.ExampleStep) -> None:
        point = np.asarray(c.point, dtype=float).ravel()
        if point.size != self.data.dim or not np.all(np.isfinite(point)):
            raise ValueError(_("the example must be {dim} finite number(s)", dim=self.data.dim))
        if not np.isfinite(c.label):
            raise ValueError(_("the example's label must be a finite number"))
        check_slopes(self.net)  # one gradient step: flat activations cannot take it
        X = feature_matrix(point[None, :], self.spec.features, self.data.dim)
        y = np.array([c.label], dtype=float)
        loss, lr = self.config.loss, self.config.lr
        before, grads = self.net.loss_and_grads(X, y, loss=loss)  # this one example, no penalty
        was_playing, self.playing = self.playing, False
        self.run.remember()
        old = [p.copy() for p in self.net.params]
        # Gradient descent on one example: every parameter moves against its own gradient.
        self.net.set_params([p - lr * g for p, g in zip(old, grads, strict=True)])
        t = self.trainer
        t.last_grads = grads
        t.last_update = [p - o for p, o in zip(self.net.params, old, strict=True)]
        after = self.net.loss(X, y, loss=loss)
        if was_playing:  # one whole sentence each way: a translation may order them otherwise
            said = _(
                "One gradient step on the traced example (w ← w − {lr:g}·∂L/∂w): "
                "its loss went {before:.4g} → {after:.4g}. Training is paused so you can see it.",
                lr=lr,
                before=before,
                after=after,
            )
        else:
            said = _(
                "One gradient step on the traced example (w ← w − {lr:g}·∂L/∂w): "
                "its loss went {before:.4g} → {after:.4g}.",
                lr=lr,
                before=before,
                after=after,
            )
        self._say("example_step", said)

    def _on_SetSpeed(self, c: cmd.SetSpeed) -> None:
        eps = c.epochs_per_second
        if eps is not None and not (np.isfinite(eps) and eps > 0):
            raise ValueError(_("speed must be a positive number of epochs per second"))
        self.epochs_per_second = eps

    def _on_ShowProbabilityContours(self, c: cmd.ShowProbabilityContours) -> None:
        if c.on is not None and not isinstance(c.on, bool | np.bool_):
            raise ValueError(_("probability contours are on, off or the default"))
        self.contours_wanted = None if c.on is None else bool(c.on)

    def _on_ShowPlane(self, c: cmd.ShowPlane) -> None:
        self.plane.show(c.on)

    def _on_RequestSnapshot(self, c: cmd.RequestSnapshot) -> None:
        self.token = int(c.token)

    def _on_SetLanguage(self, c: cmd.SetLanguage) -> None:
        if not isinstance(c.language, str) or not c.language.replace("_", "").isalnum():
            raise ValueError(
                _("a language is a name like zh_CN or en, not {value}", value=shown(c.language))
            )
        set_language(c.language)  # a language without a catalogue speaks English

    # ----- training --------------------------------------------------------------------------
    def advance(self, budget_s: float = 0.01) -> int:
        """While playing, train for about ``budget_s`` seconds; returns mini-batches run."""
        if not self.playing:
            return 0
        done, start = 0, self.clock()
        while self.playing and self.clock() - start < budget_s:
            limit = self.epochs_per_second
            paced = limit is not None and self.stop_at_epoch is None  # RunEpochs: full speed
            if paced and limit and not self.run.rate.may_start_epoch(limit):
                break
            event = self._next_event()
            done += event.kind == "batch"
            if event.kind == "idle":
                break
        return done

    def _train_until(self, stop: Callable[[StepEvent], bool], limit: int = 100_000) -> None:
        for _unused in range(limit):
            event = self._next_event()
            if stop(event) or event.kind in STOPS:
                return

    def _next_event(self) -> StepEvent:
        event = self.run.next_event()
        if event.kind == "epoch":
            if self.stop_at_epoch is not None and event.epoch >= self.stop_at_epoch:
                self.playing, self.stop_at_epoch = False, None
        elif event.kind == "diverged":
            self.playing = False
            self._say("diverged", event.message)
        elif event.kind == "idle":
            self.playing = False
            self._say("info", event.message)
        elif event.kind == "stopped":
            self.playing, self.stop_at_epoch = False, None
            self._say("stopped", event.message)
        return event

    # ----- snapshots -------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """Copy everything the views draw into one frozen snapshot."""
        self._seq += 1
        grids = self.plane.grids(self.net, self.spec, self.data)
        t = self.trainer
        metrics = t.evaluate()
        axis = frozen(self.plane.axis(self.data))
        wanted = self.contours_wanted
        averaged = self.run.averaged_state()
        extra = () if averaged is None else (averaged,)
        overlay = None  # the averaged weights' output, drawn over the live one
        if averaged is not None:
            overlay = frozen(
                self.plane.output_grid(self.net, self.spec, self.data, averaged.params)
            )
        likely = data_likelihood(self.net, (t.X, t.y), (t.X_test, t.y_test))
        if likely is not None:  # ll = Σ log P(y_i|x_i) over the training set, natural log
            metrics["log_likelihood"] = likely[2]
        snap = Snapshot(
            seq=self._seq,
            epoch=t.epoch,
            step=t.step,
            playing=self.playing,
            spec=self.spec,
            config=self.config,
            params=frozen_all(self.net.params),
            grads=frozen_all(t.last_grads),
            updates=frozen_all(t.last_update),
            kind=self.data.kind,
            n_classes=self.data.n_classes,
            domain=self.data.domain,
            grid_axis=axis,
            neuron_grids=grids,
            metrics=metrics,
            history=t.history.arrays(),
            event=self.event,
            message=self.message,
            epochs_per_second=self.run.rate.rate() if self.playing else 0.0,
            data_version=self.data.version,
            runs=(self.run.state(metrics), *extra, *(r.state() for r in self.runs[1:])),
            token=self.token,
            overlay_grid=overlay,
            best_epoch=self.run.best_epoch,
            point_probabilities=frozen_all(likely[:2]) if likely is not None else (),
            collapse=collapse_summary(self.net, t.X),  # None unless every hidden layer is linear
            probability_contours=snapshot_contours(  # drawn by the canvas, made here, not there
                self.spec.output, self.data.n_classes, grids[-1], axis, self.config.loss, wanted
            ),
        )
        self.event, self.message = "", ""
        return snap

    # ----- helpers ---------------------------------------------------------------------------
    def _rebuild(self, net: MLP) -> None:
        self.run.build(net, *self._feature_data(self.spec))

    def _feature_data(self, spec: NetworkSpec) -> tuple[tuple[np.ndarray, np.ndarray], tuple]:
        d, f = self.data, spec.features
        return (
            (feature_matrix(d.X_train, f, d.dim), d.y_train),
            (feature_matrix(d.X_test, f, d.dim), d.y_test),
        )

    def _say(self, event: str, message: str) -> None:
        self.event, self.message = event, message
