from django.core.files.base import ContentFile

from danvan.core.domain.jobs import JobFailed, runner, start_job
from danvan.core.models import Job
from tests.conftest import login


@runner("test.count")
def count_to(job, progress):
    progress.set_total(job.params["n"])
    for _ in range(job.params["n"]):
        progress.advance()
    Job.objects.filter(pk=job.pk).update(message="xong")


@runner("test.fail")
def fail(job, progress):
    raise JobFailed("Tệp có lỗi.", errors=[{"row": 7, "column": "Lĩnh vực", "message": "không hợp lệ"}])


def test_job_runs_and_reports_progress(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(kind="test.count", title="Đếm", user=cast.province, params={"n": 250})
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.percent, job.message) == ("succeeded", 250, 250, 100, "xong")


def test_failed_job_keeps_row_and_column_errors(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(kind="test.fail", title="Nhập", user=cast.province)
    job.refresh_from_db()
    assert job.status == "failed"
    body = login(cast.province).get(f"/cong-viec/{job.pk}/").content.decode()
    assert "Tệp có lỗi." in body and "Lĩnh vực" in body and ">7<" in body


def test_someone_elses_job_is_404(cast, django_capture_on_commit_callbacks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(kind="test.count", title="Đếm thử của tỉnh", user=cast.province, params={"n": 1})
    job.result_file.save("ket-qua.xlsx", ContentFile(b"PK ket qua"), save=True)
    other = login(cast.commune_a)
    refused = other.get(f"/cong-viec/{job.pk}/")
    assert refused.status_code == 404 and "Đếm thử của tỉnh" not in refused.content.decode()
    assert other.get(f"/cong-viec/{job.pk}/tai-ve/").status_code == 404
    assert other.get("/cong-viec/").context["page_obj"].paginator.count == 0
    # positive control: the user who started it sees it, downloads it and finds it in the list
    owner = login(cast.province)
    assert "Đếm thử của tỉnh" in owner.get(f"/cong-viec/{job.pk}/").content.decode()
    assert b"".join(owner.get(f"/cong-viec/{job.pk}/tai-ve/").streaming_content) == b"PK ket qua"
    assert owner.get("/cong-viec/").context["page_obj"].paginator.count == 1


def test_progress_with_an_unknown_total_writes_only_every_so_often(cast, django_assert_max_num_queries):
    """A runner that does not know its total yet (0) must not write the job row at every step: with 20
    writers beside a 40,000-row import, one UPDATE per checked row was the import's bottleneck."""
    from danvan.core.domain.jobs import Progress

    job = Job.objects.create(kind="test.count", title="Đếm", created_by=cast.province, status=Job.Status.RUNNING)
    progress = Progress(job, every=100)
    with django_assert_max_num_queries(3):
        for _ in range(250):
            progress.advance()
    assert progress.job.done == 250
    assert Job.objects.get(pk=job.pk).done == 200  # the last write, at the 200th step
