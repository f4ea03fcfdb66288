def document_list(r): pass
def document_export(r): pass
def document_reserve(r): pass
def document_detail(r, pk): pass
