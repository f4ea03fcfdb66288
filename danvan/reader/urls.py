from django.urls import path

from danvan.reader.views import articles

urlpatterns = [
    path("", articles.article_list, name="reader_articles"),
    path("chat-luong/", articles.reader_quality, name="reader_quality"),
    path("<int:pk>/", articles.article_detail, name="reader_article"),
    path("<int:pk>/xac-nhan/", articles.article_confirm, name="reader_confirm"),
]
