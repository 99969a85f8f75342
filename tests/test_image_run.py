"""Tests for the digit-image run in the training loop: epochs streamed, cancellable, exact."""

import numpy as np
import pytest

from nnviz import commands as cmd
from nnviz.engine.image_training import train_images
from nnviz.image_run import IMAGES, IMAGES_DONE, ImageEpoch, ImagesDone, RunningImages
from nnviz.lab_loop import COMMAND, STOP, LabLoop, serve
from nnviz.lessons.popsci_images import deep_features
from tests.factories import make_lab
from tests.test_lab_loop import FakeClock, FakePipe

SMALL = cmd.TrainImages(run=3, epochs=2, seed=1, k=8, n=300, hidden=6)


def _turns(loop: LabLoop, turns: int) -> list:
    """Give the loop ``turns`` turns of image work; every message it wants to send."""
    sent = []
    for _ in range(turns):
        loop.images_step()
        sent += loop.take_messages()
    return sent


def test_epochs_stream_in_order_then_one_done_message():
    """Epoch 0 (with the test images), 1, 2, then 'done'; each value carries the run's number."""
    loop = LabLoop(make_lab(), clock=FakeClock())
    loop.handle((COMMAND, SMALL))
    assert loop.wait_s() == 0.0  # an epoch is waiting: no nap
    sent = _turns(loop, 5)
    assert [kind for kind, _ in sent] == [IMAGES] * 3 + [IMAGES_DONE]
    epochs = [v for kind, v in sent if kind == IMAGES]
    assert [e.epoch for e in epochs] == [0, 1, 2] and {e.run for e in epochs} == {3}
    assert epochs[0].test is not None and epochs[0].test.k == 8
    assert epochs[1].test is None and epochs[2].done
    assert epochs[2].pictures.shape == (6, 8, 8)
    assert int(epochs[2].confusion.sum()) == len(epochs[0].test.y)
    assert epochs[2].loss < epochs[0].loss
    assert sent[-1][1] == ImagesDone(run=3, epochs=2) and loop.images is None


def test_same_seed_same_weights_and_accuracy_as_the_lesson():
    """The process's run ends at exactly the generator's weights, and the lesson's accuracy."""
    run = RunningImages(cmd.TrainImages(run=1))
    values = []
    while not run.finished:
        values += [v for kind, v in run.step() if kind == IMAGES]
    last = values[-1]
    reference = list(train_images())[-1]
    assert all(np.array_equal(a, b) for a, b in zip(last.params, reference.net.params, strict=True))
    assert last.test_accuracy == reference.test_accuracy == deep_features()["test_accuracy"]
    net = last.network()
    test = values[0].test
    guess = np.argmax(net.forward(test.X), axis=1)
    assert float(np.mean(guess == test.y)) == last.test_accuracy >= 0.9


def test_cancel_stops_between_epochs_and_says_so():
    """After Cancel no further epoch is trained; one 'done' message says it was cancelled."""
    loop = LabLoop(make_lab())
    loop.handle((COMMAND, SMALL))
    assert len(_turns(loop, 2)) == 2
    loop.handle((COMMAND, cmd.CancelImages()))
    (kind, done), *rest = loop.take_messages()
    assert kind == IMAGES_DONE and done.cancelled and done.epochs == 1 and done.run == 3
    assert rest == [] and _turns(loop, 3) == [] and loop.images is None


def test_a_new_run_ends_the_old_one_first():
    """TrainImages while a run goes: the old run's 'cancelled', then the new run's epochs."""
    loop = LabLoop(make_lab())
    loop.handle((COMMAND, SMALL))
    _turns(loop, 1)
    loop.handle((COMMAND, cmd.TrainImages(run=4, epochs=1, k=8, n=100, hidden=3)))
    sent = loop.take_messages() + _turns(loop, 3)
    assert sent[0] == (IMAGES_DONE, ImagesDone(run=3, epochs=0, cancelled=True))
    assert [(k, v.run) for k, v in sent[1:]] == [(IMAGES, 4), (IMAGES, 4), (IMAGES_DONE, 4)]


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ({"epochs": -1}, "epochs"),
        ({"k": 40}, "pixels"),
        ({"n": 15}, "multiple of 10"),
        ({"hidden": 0}, "hidden"),
        ({"epochs": "many"}, "whole numbers"),
        ({"k": None}, "whole numbers"),
        ({"n": 1e9}, "multiple of 10"),
        ({"seed": 0.5}, "whole numbers"),
    ],
)
def test_a_bad_request_is_one_message_and_starts_nothing(bad, words):
    """Bad sizes: one 'done' message with the reason; no run starts, the live run is untouched."""
    loop = LabLoop(make_lab())
    before = loop.lab.snapshot().params
    loop.handle((COMMAND, cmd.TrainImages(run=9, **bad)))
    ((kind, done),) = loop.take_messages()
    assert kind == IMAGES_DONE and done.run == 9 and words in done.error
    assert loop.images is None and _turns(loop, 2) == []
    after = loop.lab.snapshot().params
    assert all(np.array_equal(a, b) for a, b in zip(before, after, strict=True))


def test_the_live_run_is_untouched_by_an_image_run():
    """The playground network's weights and epoch are the same before and after."""
    loop = LabLoop(make_lab())
    loop.handle((COMMAND, cmd.StepEpoch()))
    before = loop.lab.snapshot()
    loop.handle((COMMAND, SMALL))
    _turns(loop, 5)
    after = loop.lab.snapshot()
    assert after.epoch == before.epoch
    assert all(np.array_equal(a, b) for a, b in zip(before.params, after.params, strict=True))


def test_serve_sends_image_values_down_the_pipe():
    """Through the process body: the epochs and the end message reach the outbox in order."""
    inbox = FakePipe([(COMMAND, SMALL)])
    outbox = FakePipe()

    def send(message) -> None:
        outbox.sent.append(message)
        if message[0] == IMAGES_DONE:
            inbox.queue.append((STOP, None))

    outbox.send = send
    serve(make_lab, inbox, outbox)
    images = [v for k, v in outbox.sent if k in (IMAGES, IMAGES_DONE)]
    assert [type(v) for v in images] == [ImageEpoch] * 3 + [ImagesDone]


def test_network_answers_like_the_trained_one():
    """ImageEpoch.network() rebuilds the network from its weights (read-only copies)."""
    run = RunningImages(SMALL)
    (_, first), *_ = run.step()
    assert not first.params[0].flags.writeable
    x = first.test.X[:5]
    p = first.network().forward(x)
    assert p.shape == (5, 10) and np.allclose(p.sum(axis=1), 1.0)
