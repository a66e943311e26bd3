"""The coding-sheet boundary: a file in, a clean frame or a list of located errors out.

`read` turns a CSV or XLSX file into a frame of strings; `mhcases.schemas` checks every cell; `mhcases.clean`
turns the strings into the clean table; `rules` enforces the codebook's rules across columns and rows; `load` is
the single entry that does all of it (import it as `mhcases.sheet.load`: it needs the cleaning modules, which
import this package).
"""

from mhcases.sheet.errors import MAX_LISTED, ROW, InputError, Problem
from mhcases.sheet.read import frame_to_raw, read_sheet

__all__ = ["MAX_LISTED", "ROW", "InputError", "Problem", "frame_to_raw", "read_sheet"]
