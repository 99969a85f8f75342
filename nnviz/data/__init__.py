"""Pure datasets: generators, the editable point set, train/test split and CSV files.

Noise means one thing per family, in [0, 1]:
- 2-D classification (circle, xor, gauss, spiral, moons, linear, xor_corners, blobs): the
  standard deviation of Gaussian jitter added to each point's position, in axis units;
  labels stay those of the clean point.
- Regression (plane, multi_gauss and the 1-D curves): the standard deviation of Gaussian noise
  added to the target, as a fraction of the target's range.
"""

from nnviz.data.csv_io import CsvData, CsvError, parse_csv_text, read_csv, write_csv
from nnviz.data.dataset import Dataset, from_pm1, to_pm1
from nnviz.data.point_set import Point, PointSet
from nnviz.data.registry import DATASETS, DatasetInfo, make_dataset
from nnviz.data.split import split_mask

__all__ = [
    "DATASETS",
    "CsvData",
    "CsvError",
    "Dataset",
    "DatasetInfo",
    "Point",
    "PointSet",
    "from_pm1",
    "make_dataset",
    "parse_csv_text",
    "read_csv",
    "split_mask",
    "to_pm1",
    "write_csv",
]
