"""The statutory tables as editable grids: one generic table model and view over the layout the
template gives each table (model.layout), with Excel-like keys and clipboard."""
