from django.contrib.auth.hashers import Argon2PasswordHasher


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 with the smallest cost, so the test cast is made quickly (production keeps Django's cost)."""

    time_cost = 1
    memory_cost = 8
    parallelism = 1
