"""FactoryBoy factories shared by every app's tests."""

import datetime

import factory

from danvan.core.models import User
from danvan.orgs.models import Kind, Membership, Organization, Role
from danvan.places.models import Area


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    code = factory.Sequence(lambda n: f"{90000 + n}")
    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind_name = "Xã"
    level = "commune"
    source_key = factory.Sequence(lambda n: f"test:{n}")
    valid_from = datetime.date(2025, 7, 1)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Tổ chức {n}")
    kind = Kind.FATHERLAND_FRONT
    area = factory.SubFactory(AreaFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from danvan.orgs.domain.organizations import create_organization

        return create_organization(actor=None, **kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("mat-khau-thu-nghiem")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.OFFICER


def member(organization, role=Role.OFFICER, **user_fields) -> User:
    """A new user working in ``organization`` with ``role``."""
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, organization=organization, role=role)
    return user
