#!/usr/bin/python3
"""Build and execute notebooks with a real Python kernel (nbclient + ipykernel).

usage: /usr/bin/python3 notebooks.py STAGE_DIR OUT_DIR
"""
import os, sys

import nbformat
from nbclient import NotebookClient

stage, out = sys.argv[1:3]


def run(name, cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": stage}}).execute()
    nbformat.write(nb, os.path.join(out, name))


run("explore_nhanes.ipynb", ["import pandas as pd\ndf = pd.read_csv('nhanes.csv')", "df", "df.head()"])
run("explore_trial_print.ipynb", ["import pandas as pd\ndf = pd.read_csv('trial.csv')",
                                  "print(df.to_string())"])
run("summary_nhanes.ipynb", ["import pandas as pd\ndf = pd.read_csv('nhanes.csv')", "df.describe()",
                             "df['RIAGENDR'].value_counts()"])
