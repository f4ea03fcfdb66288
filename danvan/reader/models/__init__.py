from danvan.reader.models.article import Article, ArticleStatus, FigureCode, ReportedFigure

__all__ = ["Article", "ArticleStatus", "FigureCode", "ReportedFigure"]
