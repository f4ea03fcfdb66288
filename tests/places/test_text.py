from danvan.core.text import fold, sort_key


def test_fold_strips_diacritics_and_case():
    assert fold("Xã Bảo Ái") == "xa bao ai"
    assert fold("ĐẶC KHU Phú Quốc") == "dac khu phu quoc"
    assert fold("  Phường  Yên-Bái ") == "phuong yen bai"


def test_sort_key_follows_vietnamese_dictionary_order():
    names = ["Đông", "Dương", "Bắc Hà", "Bảo Yên", "Ba", "Bà", "Bá", "Ba Vì", "An", "Ăn", "Ân", "Phường 10", "Phường 2"]
    assert sorted(names, key=sort_key) == [
        "An", "Ăn", "Ân", "Ba", "Bà", "Bá", "Ba Vì", "Bảo Yên", "Bắc Hà", "Dương", "Đông", "Phường 2", "Phường 10",
    ]


def test_sort_key_uses_only_ascii_digits():
    assert sort_key("Xã Bảo Ái").isdigit()
