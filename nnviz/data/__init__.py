"""Pure datasets: generators, the editable point set, the train/test split and CSV files.

Noise means one thing per family, always a number from 0 to 1:

- 2-D classification (circle, xor, gauss, spiral, moons, linear, xor_corners, blobs): the
  standard deviation of Gaussian jitter added to each point's position, measured in units of 1
  on the axes (noise 0.5 moves points by about half a unit). Labels always stay those of the
  clean point, so noise never flips a label; it blurs the boundary between the classes.
- Regression (plane, multi_gauss, and the 1-D curves sin, poly, abs, step): the standard
  deviation of Gaussian noise added to each target, as a fraction of the target's range over
  the dataset's domain (noise 0.1 on a target spanning 2 adds noise of std 0.2). Positions are
  never moved.

(The TensorFlow Playground uses its noise slider for three different things: label flips,
blob variance and position jitter. We do not.)
"""

from nnviz.data.csv_io import CsvData, CsvError, parse_csv_text, read_csv, write_csv
from nnviz.data.dataset import MAX_CLASSES, MAX_POINTS, Dataset, from_pm1, to_pm1
from nnviz.data.noise import noise_meaning
from nnviz.data.point import Point
from nnviz.data.point_set import PointSet
from nnviz.data.registry import DATASETS, DatasetInfo, make_dataset
from nnviz.data.split import split_mask

__all__ = [
    "DATASETS",
    "MAX_CLASSES",
    "MAX_POINTS",
    "CsvData",
    "CsvError",
    "Dataset",
    "DatasetInfo",
    "Point",
    "PointSet",
    "from_pm1",
    "make_dataset",
    "noise_meaning",
    "parse_csv_text",
    "read_csv",
    "split_mask",
    "to_pm1",
    "write_csv",
]
