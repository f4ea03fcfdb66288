from ninja import Router

router = Router()
task_router = Router()
